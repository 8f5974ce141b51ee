#!/usr/bin/env python3
"""LibreOffice as an independent reviewer of Quorum's Word files, through its UNO interface.

  review.py text IN.docx OUT.txt            the text as LibreOffice shows it (one line a paragraph)
  review.py accept IN.docx OUT.txt          accept all tracked changes, then the text
  review.py reject IN.docx OUT.txt          reject all tracked changes, then the text
  review.py text-runs|accept-runs|reject-runs IN.docx OUT.txt
                                            the same, each paragraph with its list level ("[2] ") and its
                                            runs' formatting as LibreOffice holds it: **bold**, _italic_, <url|text>
  review.py partner IN.docx OUT.docx SPEC   act as a partner (SPEC is JSON, below) and save as .docx

  review.py labels OUT.json IN.docx…       each file's numbered paragraphs as LibreOffice numbers them
                                            ("1.1 The audit…", "(b) agree…"), in one LibreOffice run

SPEC: {"author": "...", "reject": "text of one of the officer's insertions", "deleteInInsertion": "text"}
(A comment is added by writing it into LibreOffice's own flat XML and converting that with soffice:
LibreOffice 7.4 loses its connection when saving an annotation inserted through UNO.)
"""
import json, os, shutil, subprocess, sys, tempfile, time, uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office():
    pipe = 'quorum' + uuid.uuid4().hex[:12]
    profile = tempfile.mkdtemp(prefix='quorum-lo-')
    proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
                             f'-env:UserInstallation=file://{profile}', f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    # How long LibreOffice may take to start is named in test/waits.ts (a busy machine needs far more than a quiet one).
    deadline = time.monotonic() + float(os.environ.get('QUORUM_LIBREOFFICE_START_SECONDS', '90'))
    while time.monotonic() < deadline:
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return proc, ctx, profile
        except Exception:
            time.sleep(0.1)
    proc.kill()
    shutil.rmtree(profile, ignore_errors=True)
    raise SystemExit('LibreOffice did not start')


def load(ctx, path):
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    # Read-only, so no lock file is left beside the document if this run is cut short.
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), '_blank', 0, (prop('Hidden', True), prop('ReadOnly', False), prop('LockFile', False)))
    if doc is None:
        raise SystemExit(f'LibreOffice could not open {path}')
    return doc


def dispatch(ctx, doc, command):
    helper = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())


def formatted(paragraph):
    """A paragraph as its runs: neighbouring runs that look alike joined, so only what a reader sees counts."""
    runs = []
    en = paragraph.createEnumeration()
    while en.hasMoreElements():
        portion = en.nextElement()
        if portion.getPropertyValue('TextPortionType') != 'Text':
            continue
        text = portion.getString()
        if not text:
            continue
        look = (portion.getPropertyValue('CharWeight') >= 150, str(portion.getPropertyValue('CharPosture').value) != 'NONE', portion.getPropertyValue('HyperLinkURL'))
        if runs and runs[-1][1] == look:
            runs[-1][0] += text
        else:
            runs.append([text, look])
    out = ''
    for text, (bold, italic, url) in runs:
        if italic:
            text = f'_{text}_'
        if bold:
            text = f'**{text}**'
        if url:
            text = f'<{url}|{text}>'
        out += text
    level = paragraph.getPropertyValue('NumberingLevel') if paragraph.getPropertyValue('NumberingIsNumber') else -1
    return (f'[{level}] ' if level is not None and level >= 0 else '') + out


def each_paragraph(doc):
    """Every paragraph in reading order, tables cell by cell."""
    def walk(text):
        en = text.createEnumeration()
        while en.hasMoreElements():
            el = en.nextElement()
            if el.supportsService('com.sun.star.text.Paragraph'):
                yield el
            elif el.supportsService('com.sun.star.text.TextTable'):
                for name in el.getCellNames():
                    yield from walk(el.getCellByName(name).getText())
    yield from walk(doc.getText())


def paragraphs(doc, runs=False):
    """Every paragraph's text in reading order, tables cell by cell."""
    return [formatted(p) if runs else p.getString() for p in each_paragraph(doc)]


def labelled(doc):
    """Every numbered paragraph (tables included) with the label LibreOffice gives it (ListLabelString)."""
    out = []
    for p in each_paragraph(doc):
        label = p.getPropertyValue('ListLabelString') if p.getPropertyValue('NumberingIsNumber') else ''
        if label and label.strip():
            out.append(' '.join((label.strip() + ' ' + p.getString()).split()))
    return out


def main():
    if sys.argv[1] == 'labels':
        dest, sources = sys.argv[2], sys.argv[3:]
        def stop(proc, ctx, profile):
            try:
                ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx).terminate()
            except Exception:
                pass
            try:
                proc.wait(timeout=30)
            except Exception:
                proc.kill()
            shutil.rmtree(profile, ignore_errors=True)
        office = start_office()
        result = {}
        try:
            for src in sources:
                try:
                    doc = load(office[1], src)
                    result[src] = labelled(doc)
                    doc.close(True)
                except BaseException:
                    # A file LibreOffice cannot open (or that takes it down) is left out, and LibreOffice started again.
                    result[src] = None
                    stop(*office)
                    office = start_office()
            with open(dest, 'w', encoding='utf-8') as f:
                json.dump(result, f)
        finally:
            stop(*office)
        return
    mode, src, dest = sys.argv[1], sys.argv[2], sys.argv[3]
    proc, ctx, profile = start_office()
    doc = None
    try:
        doc = load(ctx, src)
        runs = mode.endswith('-runs')
        mode = mode.removesuffix('-runs')
        if mode == 'accept':
            dispatch(ctx, doc, '.uno:AcceptAllTrackedChanges')
        elif mode == 'reject':
            dispatch(ctx, doc, '.uno:RejectAllTrackedChanges')
        if mode in ('text', 'accept', 'reject'):
            with open(dest, 'w', encoding='utf-8') as f:
                f.write('\n'.join(paragraphs(doc, runs)))
        elif mode == 'partner':
            spec = json.loads(sys.argv[4])
            author = spec.get('author', 'Partner')
            # Changes and comments made from here are by the partner.
            settings = ctx.ServiceManager.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
            access = settings.createInstanceWithArguments('com.sun.star.configuration.ConfigurationUpdateAccess', (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
            first, _, last = author.partition(' ')
            access.setPropertyValue('givenname', first)
            access.setPropertyValue('sn', last)
            access.commitChanges()
            if spec.get('reject'):
                # Reject the officer's tracked insertion of this text: the partner does not want it.
                en = doc.getRedlines().createEnumeration()
                while en.hasMoreElements():
                    r = en.nextElement()
                    start, end = r.getPropertyValue('RedlineStart'), r.getPropertyValue('RedlineEnd')
                    cursor = start.getText().createTextCursorByRange(start)
                    cursor.gotoRange(end, True)
                    if r.getPropertyValue('RedlineType') == 'Insert' and spec['reject'] in cursor.getString():
                        doc.getCurrentController().select(cursor)
                        dispatch(ctx, doc, '.uno:RejectTrackedChange')
                        break
                else:
                    raise SystemExit(f"no tracked insertion of: {spec['reject']}")
            doc.setPropertyValue('RecordChanges', True)
            target = spec.get('deleteInInsertion')
            if target:
                found = doc.createSearchDescriptor()
                found.setSearchString(target)
                hit = doc.findFirst(found)
                if hit is None:
                    raise SystemExit(f'not found: {target}')
                hit.setString('')
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dest)), (prop('FilterName', 'MS Word 2007 XML'),))
    finally:
        if doc is not None:
            doc.close(True)
        try:
            desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)


main()
