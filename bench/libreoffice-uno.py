#!/usr/bin/python3
"""A warm LibreOffice: one soffice process, kept running, converting the same DOCX to PDF over UNO.

This is what a server with a resident LibreOffice does (a pool of soffice processes driven over
UNO), so it is the fair peer of a warm in-process render. Run by bench/run.ts:

    /usr/bin/python3 bench/libreoffice-uno.py FILE.docx OUT_DIR WARMUP SAMPLES

Prints one JSON line: {"ms": [each timed conversion in milliseconds], "version": "7.4.7.2"}.
soffice listens on a loopback pipe of its own and is ended before the script exits.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def version(ctx):
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Setup/Product"),)
    )
    return access.getByName("ooSetupVersionAboutBox")


def main():
    docx, out_dir, warmup, samples = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    profile = tempfile.mkdtemp(prefix="ket-luan-lo-uno-")
    pipe = f"ket_luan_bench_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe, time.monotonic() + 60)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        source = uno.systemPathToFileUrl(os.path.abspath(docx))
        target = uno.systemPathToFileUrl(os.path.join(os.path.abspath(out_dir), "uno.pdf"))
        load = (prop("Hidden", True), prop("ReadOnly", True))
        store = (prop("FilterName", "writer_pdf_Export"),)

        def convert():
            start = time.perf_counter()
            document = desktop.loadComponentFromURL(source, "_blank", 0, load)
            document.storeToURL(target, store)
            document.close(True)
            return (time.perf_counter() - start) * 1000

        for _ in range(warmup):
            convert()
        timings = [convert() for _ in range(samples)]
        print(json.dumps({"ms": timings, "version": version(ctx)}))
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as soffice ends
    finally:
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
