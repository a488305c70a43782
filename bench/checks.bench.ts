// Benchmark of the checks engine: scanText over 1 MB and 4 MB of realistic Vietnamese administrative
// text (generated deterministically from a seed). Budget (DESIGN.md): ≤ 150 ms per MB, linear.

import { cpus, loadavg } from 'node:os';
import { scanText } from '../src/checks/index';
import { seededRandom as rng } from '../tests/fixtures/random';


const PROVINCES = ['Cao Bằng', 'Lạng Sơn', 'Thái Nguyên', 'Đồng Nai', 'Nghệ An', 'Quảng Ninh'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Bế', 'Nông', 'Đàm', 'Lục', 'Vũ'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hạnh', 'Lan', 'Nam', 'Quân', 'Thảo', 'Tuấn'];
const UNITS = ['mô hình', 'xã', 'hộ', 'người', 'lượt người', 'công trình', 'ha', 'km', 'tấn', 'tỷ đồng', 'triệu đồng'];
const PROSE = [
  'Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp',
  'Các cơ quan, đơn vị chủ động rà soát, tham mưu triển khai thực hiện nhiệm vụ được giao',
  'Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan nhà nước',
  'Đẩy mạnh công tác tuyên truyền, phổ biến, giáo dục pháp luật trên địa bàn tỉnh',
  'Quan tâm phát triển kinh tế nông nghiệp gắn với xây dựng nông thôn mới và giảm nghèo bền vững',
  'Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ, đột xuất theo quy định',
];

/** Deterministic realistic administrative text of about `bytes` UTF-8 bytes. */
export function generateAdministrativeText(bytes: number, seed = 20251205): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const vnNumber = (n: number): string => n.toLocaleString('de-DE');
  const parts: string[] = [];
  let size = 0;
  const push = (s: string): void => {
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  };
  while (size < bytes) {
    const prov = pick(PROVINCES);
    const year = int(2015, 2025);
    push(`ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`);
    push(`TỈNH ${prov.toUpperCase()}\tĐộc lập - Tự do - Hạnh phúc`);
    push(`Số: ${int(1, 3000)}/QĐ-UBND\t${prov}, ngày ${pad(int(1, 28))} tháng ${pad(int(1, 12))} năm ${year}`);
    if (r() < 0.1) push('LƯU HÀNH NỘI BỘ');
    push('QUYẾT ĐỊNH');
    push(`Về việc phê duyệt Kế hoạch thực hiện Chương trình mục tiêu quốc gia năm ${year}`);
    push(`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ${prov.toUpperCase()}`);
    push('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
    push(`Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;`);
    push(`Căn cứ điểm a khoản ${int(1, 5)} Điều ${int(1, 60)} Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ;`);
    push(`Căn cứ Kết luận số ${int(1, 300)}-KL/TU ngày ${int(1, 28)}/${int(1, 12)}/${year} của Ban Thường vụ Tỉnh ủy;`);
    push(`Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số ${int(1, 900)}/TTr-STC ngày ${int(1, 28)}/${int(1, 12)}/${year}.`);
    push('QUYẾT ĐỊNH:');
    push(`Điều 1. Phê duyệt ${int(10, 99)} mô hình với tổng kinh phí ${vnNumber(int(1000, 999999))} triệu đồng, đạt ${int(50, 99)},${int(1, 9)}% kế hoạch.`);
    for (let k = 0; k < 6; k++) {
      push(`${k + 1}. ${pick(PROSE)}; năm ${year} đạt ${int(2, 900)} ${pick(UNITS)}, tăng ${int(1, 30)},${int(0, 9)}% so với cùng kỳ.`);
    }
    push('STT\tĐơn vị\tSố lượng\tKinh phí (triệu đồng)');
    for (let k = 0; k < 5; k++) push(`${k + 1}\tXã ${pick(GIVEN)} ${pick(['Thượng', 'Hạ', 'Trung'])}\t${int(5, 500)}\t${vnNumber(int(100, 90000))}`);
    push(`Ông ${pick(SURNAMES)} ${pick(MIDDLES)} ${pick(GIVEN)}, Phó Trưởng phòng, điện thoại 09${int(10000000, 99999999)}, chịu trách nhiệm tổng hợp.`);
    push(`Điều 2. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp thực hiện theo quy định tại khoản ${int(1, 4)} Điều ${int(2, 30)} Luật Đầu tư công.`);
    push(`Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Chủ tịch UBND các huyện chịu trách nhiệm thi hành./.`);
    push('Nơi nhận:\tKT. CHỦ TỊCH');
    push(`- Như Điều 3;\tPHÓ CHỦ TỊCH`);
    push(`${pick(SURNAMES)} ${pick(MIDDLES)} ${pick(GIVEN)}`);
    push('');
  }
  return parts.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall time and median CPU time (main thread + GC helpers) of `runs` scans, in ms. */
function time(text: string, runs: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    scanText(text);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

// issue 14 — performance: the floor, measured in the same run over the same text: one pass of a
// single combined regular expression covering what the recognisers look for first (document
// symbols, dates, phone numbers, e-mail, numbers, capitalised names).
const FLOOR_PATTERN = /(\d{1,4}\/\d{4}\/[A-ZĐ-]+)|(\d{1,2}\/\d{1,2}\/\d{4})|(0\d{9})|([\w.]+@[\w.]+)|(\d+(?:[.,]\d+)*%?)|(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3})/gu;

function floorPass(text: string): number {
  let matches = 0;
  FLOOR_PATTERN.lastIndex = 0;
  while (FLOOR_PATTERN.exec(text)) matches++;
  return matches;
}

function floorTime(text: string, runs: number): number {
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    floorPass(text);
    wall.push(performance.now() - t0);
  }
  return median(wall);
}

const MS_PER_MB_BUDGET = 100;
const FLOOR_RATIO_BUDGET = 30;

export async function run(): Promise<void> {
  const MB = 1024 * 1024;
  const one = generateAdministrativeText(MB);
  const four = generateAdministrativeText(4 * MB, 7);
  time(one, 3); // warm up (JIT, regex compilation, lazy caches)
  floorTime(one, 2);
  const x = time(one, 7);
  const floor1 = floorTime(one, 7);
  time(four, 1);
  const y = time(four, 5);
  const floor4 = floorTime(four, 3);
  const verdict = (a: number, b: number): string => (a <= MS_PER_MB_BUDGET && b / 4 <= MS_PER_MB_BUDGET && b / a <= 4.5 ? 'within budget' : 'OVER BUDGET');
  const load = loadavg()[0];
  console.log(`checks: 1 MB in ${x.wall.toFixed(1)} ms (${x.wall.toFixed(1)} ms/MB) [cpu ${x.cpu.toFixed(1)} ms]`);
  console.log(`checks: 4 MB in ${y.wall.toFixed(1)} ms (${(y.wall / 4).toFixed(1)} ms/MB, ratio ${(y.wall / x.wall).toFixed(2)}) [cpu ${y.cpu.toFixed(1)} ms, ratio ${(y.cpu / x.cpu).toFixed(2)}]`);
  console.log(`checks: budget ≤ ${MS_PER_MB_BUDGET} ms/MB, linear (4 MB ≤ 4.5× 1 MB): wall ${verdict(x.wall, y.wall)}; cpu ${verdict(x.cpu, y.cpu)} (load average ${load?.toFixed(1)} on ${cpus().length} cores)`);
  for (const [name, figure, floor] of [
    ['1 MB', x.wall, floor1],
    ['4 MB', y.wall, floor4],
  ] as const) {
    const ratio = figure / floor;
    console.log(
      `checks: ${name} ${figure.toFixed(0)} ms; floor one combined-regex pass ${floor.toFixed(1)} ms; ratio ${ratio.toFixed(1)}× — budget ≤ ${FLOOR_RATIO_BUDGET}×: ${ratio <= FLOOR_RATIO_BUDGET ? 'within' : 'OVER'}`,
    );
  }
}
