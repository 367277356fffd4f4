"""Runs a GitHub Actions workflow's jobs here, as the runner would: `run:` steps in bash with the
runner's files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY), `if:` conditions,
step and job outputs, composite actions step by step; other actions (`uses:`) by stubs that a
test hands in. Workflow commands (`::error file=…::…`) are collected as annotations.

Follows "Workflow syntax for GitHub Actions" and "Workflow commands for GitHub Actions".
"""
import os
import re
import subprocess
import uuid
from pathlib import Path

import yaml

from expressions import condition, interpolate

# `shell: bash` runs `bash --noprofile --norc -eo pipefail {0}`; no shell, `bash -e {0}`.
SHELLS = {"bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail"], None: ["bash", "-e"]}
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    # YAML 1.1 reads the key `on` as true.
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def unescape(text, prop=False):
    for code, char in ([("%3A", ":"), ("%2C", ",")] if prop else []) + [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]:
        text = text.replace(code, char)
    return text


def annotations(log):
    found = []
    for line in log.splitlines():
        m = COMMAND.match(line)
        if m:
            props = {}
            for part in (m.group(2) or "").split(","):
                if "=" in part:
                    key, value = part.split("=", 1)
                    props[key] = unescape(value, prop=True)
            found.append({"kind": m.group(1), **props, "message": unescape(m.group(3))})
    return found


def read_file_commands(path):
    """`name=value` lines and `name<<DELIMITER` blocks, as GITHUB_OUTPUT and GITHUB_ENV hold them."""
    values = {}
    lines = Path(path).read_text(encoding="utf-8").split("\n") if Path(path).exists() else []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            i += 1
            while lines[i] != delimiter:
                block.append(lines[i])
                i += 1
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        i += 1
    return values


class Job:
    """One job's run: its steps, their outputs, the PATH and env the steps added."""

    def __init__(self, runner, name, spec, needs):
        self.runner = runner
        self.name = name
        self.spec = spec
        self.needs = needs
        self.steps = {}
        self.failed = False
        self.log = []
        self.path = []
        self.env = {}
        self.post = []
        self.temp = runner.root / f"temp-{name}-{uuid.uuid4().hex[:8]}"
        self.temp.mkdir(parents=True)

    def contexts(self, steps, extra=None):
        env = {**self.runner.workflow.get("env", {}), **self.spec.get("env", {}), **self.env}
        runner = {"temp": str(self.temp), "tool_cache": str(self.runner.tool_cache), "os": "Linux", "arch": self.runner.arch}
        return {"github": self.runner.github, "env": env, "runner": runner, "steps": steps, "needs": self.needs,
                "job": {"status": "failure" if self.failed else "success"}, **(extra or {})}

    def functions(self):
        return {"success": lambda: not self.failed, "failure": lambda: self.failed, "always": lambda: True,
                "cancelled": lambda: False}

    def process_env(self, step_env, contexts, action_path=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "INPUT_"))}
        env.update({
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(self.runner.workspace),
            "GITHUB_EVENT_PATH": str(self.runner.event_path), "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_REPOSITORY": self.runner.github["repository"], "GITHUB_SERVER_URL": self.runner.github["server_url"],
            "GITHUB_BASE_REF": self.runner.github["base_ref"], "RUNNER_TEMP": str(self.temp),
            "RUNNER_TOOL_CACHE": str(self.runner.tool_cache), "RUNNER_OS": "Linux", "RUNNER_ARCH": self.runner.arch,
        })
        if action_path:
            env["GITHUB_ACTION_PATH"] = str(action_path)
        for source in (self.runner.workflow.get("env", {}), self.spec.get("env", {}), self.env, step_env or {}):
            for key, value in source.items():
                env[key] = interpolate(value, contexts, self.functions())
        env["PATH"] = os.pathsep.join(list(reversed(self.path)) + [env.get("PATH", "")])
        return env

    def run_script(self, step, contexts, action_path=None):
        files = {name: self.temp / f"{name}-{uuid.uuid4().hex[:8]}" for name in ("output", "env", "path", "summary")}
        for f in files.values():
            f.touch()
        env = self.process_env(step.get("env"), contexts, action_path)
        env.update({"GITHUB_OUTPUT": str(files["output"]), "GITHUB_ENV": str(files["env"]),
                    "GITHUB_PATH": str(files["path"]), "GITHUB_STEP_SUMMARY": str(files["summary"])})
        script = self.temp / f"script-{uuid.uuid4().hex[:8]}.sh"
        script.write_text(step["run"], encoding="utf-8")
        shell = SHELLS[step.get("shell")]
        done = subprocess.run(shell + [str(script)], cwd=self.runner.workspace, env=env, capture_output=True, text=True)
        self.log.append(done.stdout + done.stderr)
        self.runner.summary += files["summary"].read_text(encoding="utf-8")
        self.env.update(read_file_commands(files["env"]))
        self.path += [p for p in files["path"].read_text(encoding="utf-8").split("\n") if p]
        return done.returncode, read_file_commands(files["output"])

    def run_steps(self, steps, extra=None, action_path=None):
        """Runs steps in order; returns the steps context they built."""
        context = {}
        for step in steps:
            contexts = self.contexts(context, extra)
            if not condition(step.get("if"), contexts, self.functions()):
                outcome, outputs = "skipped", {}
            else:
                if "run" in step:
                    status, outputs = self.run_script(step, contexts, action_path)
                else:
                    with_ = {k: interpolate(v, contexts, self.functions()) for k, v in (step.get("with") or {}).items()}
                    status, outputs = self.runner.use(self, step, with_, contexts)
                outcome = "success" if status == 0 else "failure"
                self.failed = self.failed or status != 0
            if "id" in step:
                context[step["id"]] = {"outputs": outputs, "outcome": outcome, "conclusion": outcome}
        return context

    def run(self):
        self.steps = self.run_steps(self.spec["steps"])
        for action in self.post:
            action(self)
        contexts = self.contexts(self.steps)
        outputs = {k: interpolate(v, contexts, self.functions()) for k, v in (self.spec.get("outputs") or {}).items()}
        return {"result": "failure" if self.failed else "success", "outputs": outputs}


class WorkflowRun:
    """A workflow run for one pull_request event: jobs in the order of their `needs`."""

    def __init__(self, workflow_path, workspace, event, root, tool_cache, server_url, uses, arch):
        self.workflow = load(workflow_path)
        self.workspace = Path(workspace)
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.tool_cache = Path(tool_cache)
        self.arch = arch
        self.event_path = self.root / "event.json"
        self.event_path.write_text(__import__("json").dumps(event), encoding="utf-8")
        pr = event["pull_request"]
        self.github = {"event": event, "repository": event["repository"]["full_name"], "server_url": server_url,
                       "base_ref": pr["base"]["ref"], "event_name": "pull_request", "workspace": str(self.workspace)}
        self.uses = uses
        self.summary = ""
        self.jobs = {}

    def use(self, job, step, with_, contexts):
        """An action step, by the stub for its name (the part before @)."""
        name = step["uses"].split("@", 1)[0]
        if name not in self.uses:
            raise KeyError(f"no stub for {step['uses']}")
        return self.uses[name](job, step, with_, contexts)

    def run_composite(self, job, action_dir, with_):
        """A composite action: its inputs (defaults filled in), its steps, its outputs."""
        action = load(Path(action_dir) / "action.yml")
        inputs = {}
        for key, spec in (action.get("inputs") or {}).items():
            if key in with_:
                inputs[key] = with_[key]
            elif spec.get("required"):
                raise ValueError(f"input {key} is required")
            else:
                inputs[key] = str(spec.get("default", ""))
        steps = job.run_steps(action["runs"]["steps"], extra={"inputs": inputs}, action_path=action_dir)
        contexts = job.contexts(steps, {"inputs": inputs})
        outputs = {k: interpolate(v["value"], contexts, job.functions()) for k, v in (action.get("outputs") or {}).items()}
        return (1 if job.failed else 0), outputs

    def run(self):
        order = list(self.workflow["jobs"])
        for name in order:
            spec = self.workflow["jobs"][name]
            needs = spec.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            context = {n: self.jobs[n] for n in needs}
            job = Job(self, name, spec, context)
            any_failed = any(self.jobs[n]["result"] != "success" for n in needs)
            functions = {"success": lambda: not any_failed, "failure": lambda: any_failed, "always": lambda: True,
                         "cancelled": lambda: False}
            if not condition(spec.get("if"), job.contexts({}), functions):
                self.jobs[name] = {"result": "skipped", "outputs": {}, "log": "", "annotations": []}
                continue
            result = job.run()
            log = "".join(job.log)
            self.jobs[name] = {**result, "log": log, "annotations": annotations(log)}
        return self.jobs
