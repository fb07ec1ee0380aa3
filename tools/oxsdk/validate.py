#!/usr/bin/env python3
"""Validates .docx files with Microsoft's Open XML SDK 2.8.1 OpenXmlValidator, run in-process
through pythonnet from the directory tools/oxsdk/setup.sh prepared.

Usage: DIR/venv/bin/python validate.py [--sdk DIR] [--version Office2007|Office2010|Office2013] FILE.docx...
DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/nastavnik-oxsdk. Prints one line per error
(file, part, XPath, error id, description) and a count per file on stderr; exits 1 on any error."""
import os
import sys

args = sys.argv[1:]
sdk = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "nastavnik-oxsdk")
version = "Office2013"
while args and args[0].startswith("--"):
    if args[0] == "--sdk":
        sdk, args = args[1], args[2:]
    elif args[0] == "--version":
        version, args = args[1], args[2:]
    else:
        sys.exit(f"unknown option {args[0]}")

from clr_loader import get_coreclr
from pythonnet import set_runtime

set_runtime(get_coreclr(runtime_config=os.path.join(sdk, "rt.runtimeconfig.json"),
                        dotnet_root=os.path.join(sdk, "dotnet")))
import clr  # noqa: E402

clr.AddReference(os.path.join(sdk, "lib", "System.IO.Packaging.dll"))
clr.AddReference(os.path.join(sdk, "lib", "DocumentFormat.OpenXml.dll"))
from DocumentFormat.OpenXml import FileFormatVersions  # noqa: E402
from DocumentFormat.OpenXml.Packaging import WordprocessingDocument  # noqa: E402
from DocumentFormat.OpenXml.Validation import OpenXmlValidator  # noqa: E402

validator = OpenXmlValidator(getattr(FileFormatVersions, version))
validator.MaxNumberOfErrors = 0  # unlimited
bad = 0
for path in args:
    try:
        doc = WordprocessingDocument.Open(path, False)
    except Exception as e:  # a package the SDK cannot open is an error too
        print(f"{path}\t-\t-\tOpenFailed\t{e}")
        print(f"{path}: cannot be opened", file=sys.stderr)
        bad += 1
        continue
    try:
        errors = list(validator.Validate(doc))
        for e in errors:
            part = e.Part.Uri.ToString() if e.Part is not None else "?"
            xpath = e.Path.XPath if e.Path is not None else "?"
            print(f"{path}\t{part}\t{xpath}\t{e.Id}\t{e.Description}")
        print(f"{path}: {len(errors)} error(s)", file=sys.stderr)
        bad += bool(errors)
    finally:
        doc.Dispose()
sys.exit(1 if bad else 0)
