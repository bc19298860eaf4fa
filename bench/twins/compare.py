#!/usr/bin/env python3
"""Runs a trained ClassLab experiment and its PyTorch twin on the same rows with the same seeds, and
prints the final metrics side by side (mean over the seeds, and each seed).

    mvn -B -q -o package -DskipTests          # builds target/classlab.jar
    /usr/bin/python3 bench/twins/compare.py imbalance [--seeds 42,1,2] [--epochs 25] [--data-dir DIR]

Both sides run one compute thread (OMP_NUM_THREADS=1). ClassLab runs `classlab.jar run LESSON
--experiment E --seed S`; the twin is bench/twins/<lesson>.py with the notebook's code.
"""
import argparse
import csv
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# lesson -> (ClassLab experiment(s), twin script, metrics compared). An experiment is its name, or (name, the
# parameter that takes the seed besides `seed`); with several experiments a metric is named "experiment/metric".
TWINS = {
    "pattern": ("full_batch", "pattern.py", ["train_loss", "train_accuracy", "test_accuracy"]),
    "roc-smoothing": ("roc", "roc.py", ["test_accuracy", "auc_macro", "auc_weighted"]),
    "regularization": ("all_four", "regularization.py",
                       [m + "_" + c for c in ("none", "dropout", "batchnorm", "both")
                        for m in ("test_accuracy", "train_accuracy", "train_loss")]),
    "imbalance": ("strategies", "imbalance.py",
                  [m + "_" + s for s in ("plain", "weighted_loss", "sampler")
                   for m in ("test_accuracy", "macro_f1", "macro_recall_minority")]
                  + [m + "_" + s + "_last8" for s in ("plain", "weighted_loss", "sampler")
                     for m in ("macro_f1", "macro_recall_minority")]),
    "multiclass": ((("binary_logits", "binary_seed"), "three_class"), "multiclass.py",
                   ["binary_logits/" + m for m in ("train_accuracy", "sigmoid_train_accuracy", "train_loss", "max_accuracy_gap")]
                   + ["three_class/" + m for m in ("test_accuracy", "train_accuracy", "test_loss", "train_loss")]),
    "schedules": (("plateau", "early_stopping", "exercise3"), "schedules.py",
                  ["plateau/" + m for m in ("test_accuracy", "val_loss", "final_lr", "lr_reductions")]
                  + [e + "/" + m for e in ("early_stopping", "exercise3")
                     for m in ("test_accuracy", "test_accuracy_last_epoch", "best_val_loss", "best_epoch", "stopped_epoch")]
                  + ["exercise3/" + m for m in ("final_lr", "lr_reductions")]),
    "batchnorm-gradients": (("batch_size", "bn_effect", "gradients", "bn_batch_sizes", "modes"), "batchnorm_gradients.py",
                            [f"batch_size/final_loss_batch{b}" for b in (8, 32, 128, 512)]
                            + ["bn_effect/final_loss_no_bn", "bn_effect/final_loss_bn"]
                            + ["gradients/" + m + t for m in ("grad_spread", "grad_spread_live", "final_loss")
                               for t in ("_no_bn", "_bn")]
                            + [f"bn_batch_sizes/final_loss_{t}_batch{b}" for b in (8, 16, 32, 64) for t in ("no_bn", "bn")]
                            + ["modes/" + m for m in ("final_loss", "train_mode_variance", "eval_mode_variance",
                                                      "train_eval_mean_abs_difference")]),
    "scratch": ("optimizers_mnist", "scratch.py",
                [m + "_" + o for o in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
                 for m in ("test_accuracy", "train_loss")]),
    "scratch-init": ("init_mnist", "scratch.py",
                     [m + "_relu_" + w for w in ("std001", "xavier", "he") for m in ("test_accuracy", "train_loss")]),
    "cifar": ("baselines", "cifar.py",
              [m + "_" + n for n in ("mlp", "cnn_v1") for m in ("test_accuracy", "val_accuracy", "train_accuracy", "train_loss")]),
}

# Rows whose ClassLab lesson id differs from the row's name, or that run with settings other than the lesson's
# defaults: "lesson" (ClassLab lesson id), "set" (ClassLab --set NAME=VALUE, each also passed to the twin as
# --name-with-dashes VALUE), "twin" (further twin arguments).
OPTIONS = {
    "scratch-init": {"lesson": "scratch", "twin": ["--experiment", "init_mnist"]},
    # CIFAR-10 cannot be downloaded here: the lesson's MNIST mode, small enough for 2 shared cores.
    "cifar": {"set": {"dataset": "mnist", "train_size": 3000, "test_size": 1000, "epochs": 6, "mlp_epochs": 6}},
}


def last_epochs(csv_path, name):
    """'<metric>_<run>_last<k>': the mean of the last k epochs of <metric> logged for <run> in ClassLab's metrics.csv
    (a steadier number than the final epoch's when it moves from epoch to epoch)."""
    base, k = name.rsplit("_last", 1)
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    for run in {r["experiment"] for r in rows}:
        if base.endswith("_" + run):
            metric = base[:-len(run) - 1]
            # an undefined value is an empty cell (null in summary.json)
            values = sorted((int(r["epoch"]), float(r["value"] or "nan")) for r in rows if r["experiment"] == run and r["metric"] == metric)
            tail = [v for _, v in values[-int(k):]]
            return sum(tail) / len(tail)
    raise KeyError(name + " is not in " + csv_path)


def classlab(lesson, experiments, seed, epochs, data_dir, env, sets=None, wanted=()):
    """Final metrics of one seed: of the experiment, or 'experiment/metric' of several.
    An experiment is a name, or (name, parameter) when the experiment has its own seed parameter."""
    experiments = [experiments] if isinstance(experiments, str) else experiments
    final = {}
    for e in experiments:
        name, seed_param = (e, None) if isinstance(e, str) else e
        with tempfile.TemporaryDirectory() as out:
            cmd = ["java", "-jar", os.path.join(ROOT, "target", "classlab.jar"), "run", lesson, "--experiment", name,
                   "--seed", str(seed), "--data-dir", data_dir, "--out", out, "--no-figures"]
            if seed_param:
                cmd += ["--set", f"{seed_param}={seed}"]
            for k, v in (sets or {}).items():
                cmd += ["--set", f"{k}={v}"]
            if epochs:
                cmd += ["--epochs", str(epochs)]
            subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(os.path.join(out, "summary.json")) as f:
                metrics = json.load(f)["experiments"][0]["final"]
            for m in wanted:  # '..._last<k>' rows of a one-experiment lesson, from metrics.csv
                if m not in metrics and "_last" in m and "/" not in m:
                    metrics[m] = last_epochs(os.path.join(out, "metrics.csv"), m)
        final.update(metrics if len(experiments) == 1 else {name + "/" + k: v for k, v in metrics.items()})
    return final


def twin(script, seeds, epochs, data_dir, env, extra=()):
    cmd = ["/usr/bin/python3", os.path.join(HERE, script), "--data-dir", data_dir, "--seeds", ",".join(map(str, seeds))]
    cmd += list(extra)
    if epochs:
        cmd += ["--epochs", str(epochs)]
    out = subprocess.run(cmd, check=True, env=env, capture_output=True, text=True).stdout
    return {r["seed"]: r["final"] for r in map(json.loads, out.splitlines())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lesson", choices=sorted(TWINS))
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--epochs", type=int, default=0, help="0 = the lesson's default")
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "..", "shared", "data", "mnist-mini"))
    ap.add_argument("--experiments", help="of a lesson with several experiments, only these (comma-separated; "
                                          "its twin must take --experiments too: schedules, batchnorm-gradients)")
    a = ap.parse_args()
    experiment, script, metrics = TWINS[a.lesson]
    only = a.experiments.split(",") if a.experiments else None
    if only:
        experiment = tuple(e for e in experiment if (e if isinstance(e, str) else e[0]) in only)
        metrics = [m for m in metrics if m.split("/")[0] in only]
    seeds = [int(s) for s in a.seeds.split(",")]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    opt = OPTIONS.get(a.lesson, {})
    sets = opt.get("set", {})
    twin_args = [x for k, v in sets.items() for x in ("--" + k.replace("_", "-"), str(v))]
    load = os.getloadavg()
    twin_args += ["--experiments", ",".join(only)] if only else []
    torch_runs = twin(script, seeds, a.epochs, a.data_dir, env, twin_args + opt.get("twin", []))
    ours = {s: classlab(opt.get("lesson", a.lesson), experiment, s, a.epochs, a.data_dir, env, sets, metrics) for s in seeds}
    names = experiment if isinstance(experiment, str) else "+".join(e if isinstance(e, str) else e[0] for e in experiment)
    print(f"{a.lesson}/{names}, seeds {a.seeds}, epochs {a.epochs or 'default'}"
          + "".join(f", {k}={v}" for k, v in sets.items()))
    print(f"run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, load average before "
          + " ".join(f"{v:.2f}" for v in load) + ", after " + " ".join(f"{v:.2f}" for v in os.getloadavg()))
    w = max(32, max(map(len, metrics)) + 2)
    print(f"{'metric':<{w}}{'ClassLab':>10}{'PyTorch':>10}{'diff':>9}   per seed ClassLab | PyTorch")
    for m in metrics:
        c = [ours[s][m] for s in seeds]
        t = [torch_runs[s][m] for s in seeds]
        print(f"{m:<{w}}{statistics.mean(c):10.4f}{statistics.mean(t):10.4f}{statistics.mean(c) - statistics.mean(t):+9.4f}   "
              + " ".join(f"{v:.3f}" for v in c) + " | " + " ".join(f"{v:.3f}" for v in t))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
