"""Measure the labelled real documents with the parser of an earlier commit (the README's first-run rows).

    python evaluation/at_commit.py 3a82671 --set new      # the first version on documents 55-66
    python evaluation/at_commit.py 80be9c6 --set new      # the first run on 55-66, the commit they arrived in
    python evaluation/at_commit.py 7660493 --flattenings  # evaluate_flattenings.py with that commit's parser
    python evaluation/at_commit.py 6ee72ea --rendered     # evaluate_rendered.py with that commit's parser

The commit's code is checked out into a temporary git worktree; today's labelled documents
(``tests/realdocs``) and today's ``evaluate_records.py`` are copied in, so every commit is measured on the
same labels by the same matching rules. Arguments after the commit go to ``evaluate_records.py``.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    commit, rest = argv[0], argv[1:]
    with tempfile.TemporaryDirectory(prefix="jixiao-at-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(tree), commit],
                       check=True, capture_output=True)
        try:
            shutil.rmtree(tree / "tests" / "realdocs", ignore_errors=True)
            shutil.copytree(ROOT / "tests" / "realdocs", tree / "tests" / "realdocs")
            (tree / "evaluation").mkdir(exist_ok=True)
            script = (ROOT / "evaluation" / "evaluate_records.py").read_text(encoding="utf-8")
            # an old tree may lack the script-conversion helper: compare units as written there
            script = script.replace("from indicators.text import simplified  # noqa: E402",
                                    "try:\n    from indicators.text import simplified  # noqa: E402\n"
                                    "except ImportError:\n    simplified = str")
            (tree / "evaluation" / "evaluate_records.py").write_text(script, encoding="utf-8")
            run = "evaluate_records.py"
            other = {"--flattenings": "evaluate_flattenings.py", "--rendered": "evaluate_rendered.py"}
            if rest[:1] and rest[0] in other:   # another evaluation script instead, with today's copy of it
                run, rest = other[rest[0]], rest[1:]
                for script in other.values():   # (evaluate_rendered.py prints its PDFs with evaluate_flattenings')
                    shutil.copy(ROOT / "evaluation" / script, tree / "evaluation" / script)
            return subprocess.run([sys.executable, str(tree / "evaluation" / run), *rest], cwd=tree).returncode
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           capture_output=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
