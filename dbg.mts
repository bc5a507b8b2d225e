import { composeConclusion } from './src/compose-conclusion.ts';
import { defaultFontFiles } from './src/fonts/font-files.ts';
import { flowItems } from './src/writers/pdf/flow-items.ts';
import { normaliseText } from './src/writers/pdf/glyph-check.ts';
import { pageGeometry } from './src/writers/pdf/page-geometry.ts';
import { paginate } from './src/writers/pdf/pagination.ts';
import { pdfFontFamily } from './src/writers/pdf/pdf-fonts.ts';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os'; import { join } from 'node:path';
const INPUT = {
    issuer: { superior: 'ĐẢNG BỘ TỈNH THÁI NGUYÊN', name: 'ĐẢNG ỦY XÃ PHÚ ĐÌNH' },
    number: { sequence: 7, issuerCode: 'ĐU' }, place: 'Phú Đình', date: '2024-10-29',
    summary: ['về công tác chuẩn bị đại hội'],
    sections: [{ heading: 'Kết quả', content: ['Tiếp tục chỉ đạo các chi bộ tổ chức quán triệt, triển khai thực hiện nghiêm túc.', { text: 'Điểm một.', bullets: ['Gạch đầu dòng.'] }] }],
    recipients: ['Như trên'], signature: { name: 'Nguyễn Văn An' },
  };
const dir = mkdtempSync(join(tmpdir(), 'kl-')); mkdirSync(join(dir, 'ket-luan-hd36'));
writeFileSync(join(dir, 'ket-luan-hd36', 'profile.json'), process.argv[2]);
const { model } = composeConclusion(INPUT, { templates: dir });
const family = pdfFontFamily(defaultFontFiles());
const doc = normaliseText(model);
const geometry = pageGeometry(doc, family);
const items = flowItems(doc.blocks, family, geometry.textWidthTwips);
const plan = paginate(items, geometry.body);
console.log(geometry.body);
const last = items[items.length - 1] as any;
console.log(items.map((it: any, i) => i + ':' + it.kind + ':' + (it.kind === 'table' ? it.heightTwips + (it.keepTogether ? 'K' : '') : it.lineTwips.length + 'x' + it.lineTwips[0] + (it.keepWithNext ? 'N' : ''))).join(' '));
plan.pages.forEach((p, i) => console.log(i + 1, JSON.stringify(p.map((pl: any) => pl.kind === 'table' ? { item: pl.item, top: pl.topTwips, h: pl.part.heightTwips, cells: pl.part.cells.map((c: any) => c.lines) } : pl))));
