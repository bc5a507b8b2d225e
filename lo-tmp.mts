import { readFileSync, writeFileSync } from 'node:fs';
import { convertWithLibreOffice } from './test/helpers/libreoffice.ts';
import { pdfPages } from './test/helpers/pdf-text.ts';
for (const name of ['four-levels', 'header-too-wide']) {
  const lo = await convertWithLibreOffice(readFileSync(`/tmp/feat/${name}.docx`), 'docx', 'pdf');
  writeFileSync(`/tmp/feat/${name}.lo.pdf`, lo);
  const a = await pdfPages(readFileSync(`/tmp/feat/${name}.pdf`));
  const b = await pdfPages(lo);
  const lines = (p: any) => { const m = new Map<number, any[]>(); for (const w of p.words) { const k = Math.round(w.yMax); const arr = m.get(k) ?? []; arr.push(w); m.set(k, arr); } return [...m.entries()].sort((x, y) => x[0] - y[0]).map(([y, ws]) => ({ y, x: Math.min(...ws.map((w: any) => w.xMin)), text: ws.sort((p: any, q: any) => p.xMin - q.xMin).map((w: any) => w.text).join(' ') })); };
  for (let i = 0; i < a.length; i++) {
    const la = lines(a[i]), lb = lines(b[i]);
    console.log(name, 'page', i, la.length, lb.length);
    for (let j = 0; j < Math.max(la.length, lb.length); j++) {
      const p = la[j], q = lb[j];
      if (!p || !q || p.text !== q.text || Math.abs(p.x - q.x) > 0.6 || Math.abs(p.y - q.y) > 0.6) console.log('  ', j, p?.y, p?.x.toFixed(2), p?.text.slice(0, 50), '||', q?.y, q?.x.toFixed(2), q?.text.slice(0, 50));
    }
  }
}
