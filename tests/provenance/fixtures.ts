// Realistic provenance records for tests and the bench: Vietnamese administrative prose with
// figures and citations, built from a seeded generator so runs are reproducible. The vocabulary
// and sentence shapes are varied on purpose so the XML does not compress better than real text.
import { appendEvent, createRecord } from '../../src/provenance/chain';
import { claimVerifiedData, generatedPassageData } from '../../src/provenance/builders';
import type { ClaimDraft } from '../../src/provenance/claims';
import type { ProvenanceRecord } from '../../src/provenance/schema';

import { seededRandom } from '../fixtures/random';
export { seededRandom };

const PLACES = ['phường Phước Bình', 'tỉnh Cao Bằng', 'huyện Trùng Khánh', 'xã Đàm Thủy', 'thành phố Biên Hòa', 'phường Long Bình', 'huyện Bảo Lạc', 'xã Quang Trung', 'thị trấn Nước Hai', 'phường Tân Giang', 'huyện Hà Quảng', 'xã Hưng Đạo', 'phường Sông Bằng', 'huyện Nguyên Bình', 'xã Lê Lợi', 'phường Hợp Giang'];
const SUBJECTS = ['Ủy ban nhân dân', 'Đảng ủy', 'Ban Thường vụ', 'Sở Tài chính', 'Phòng Kinh tế', 'Văn phòng Hội đồng nhân dân', 'Ban Tuyên giáo', 'Sở Nông nghiệp và Môi trường', 'Trung tâm Phục vụ hành chính công', 'Sở Giáo dục và Đào tạo', 'Phòng Văn hóa – Xã hội', 'Ủy ban Mặt trận Tổ quốc', 'Sở Y tế', 'Công an', 'Ban Chỉ huy Quân sự'];
const TOPICS = ['chuyển đổi số', 'cải cách hành chính', 'xây dựng nông thôn mới', 'giảm nghèo bền vững', 'phát triển kinh tế tập thể', 'bảo vệ môi trường', 'phòng, chống thiên tai', 'an sinh xã hội', 'giáo dục phổ thông', 'chăm sóc sức khỏe ban đầu', 'phát triển du lịch cộng đồng', 'quản lý đất đai', 'xây dựng Đảng', 'công tác dân vận', 'thu ngân sách', 'hạ tầng giao thông nông thôn', 'đề án thương mại điện tử', 'bảo tồn văn hóa dân tộc'];
const VERBS = ['tập trung chỉ đạo', 'triển khai đồng bộ', 'quán triệt và thực hiện', 'tổ chức kiểm tra', 'đôn đốc thực hiện', 'rà soát, đánh giá', 'tăng cường phối hợp', 'chủ động tham mưu', 'theo dõi sát sao', 'kịp thời tháo gỡ vướng mắc trong'];
const ADJ = ['đạt kết quả tích cực', 'có chuyển biến rõ nét', 'còn một số hạn chế', 'vượt chỉ tiêu đề ra', 'chưa đồng đều giữa các địa bàn', 'được nhân dân đồng tình ủng hộ', 'cơ bản hoàn thành kế hoạch', 'cần tiếp tục quan tâm'];
const UNITS = ['hộ', 'người', 'lượt', 'ha', 'km', 'mô hình', 'hồ sơ', 'công trình', 'cơ sở', 'tấn'];
const LAWS = [
  'Nghị định số 13/2023/NĐ-CP', 'Nghị định số 356/2025/NĐ-CP', 'Luật số 134/2025/QH15', 'Quyết định số 2081/QĐ-UBND', 'Nghị quyết số 57-NQ/TW',
  'Kết luận số 126-KL/TW', 'Thông tư số 01/2011/TT-BNV', 'Nghị định số 30/2020/NĐ-CP', 'Luật số 91/2025/QH15', 'Chỉ thị số 05-CT/TW',
  'Quyết định số 749/QĐ-TTg', 'Nghị quyết số 18-NQ/TW', 'Luật số 117/2025/QH15', 'Hướng dẫn số 36-HD/VPTW', 'Nghị định số 123/2020/NĐ-CP',
];
const SOURCES = ['Báo cáo số 45/BC-UBND ngày 10/3/2026 của Ủy ban nhân dân phường', 'Niên giám thống kê tỉnh năm 2025', 'Cổng thông tin điện tử Chính phủ', 'Báo cáo quyết toán ngân sách năm 2025', 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', 'Số liệu của Chi cục Thống kê khu vực', 'Biên bản họp ngày 02/4/2026'];
const PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Minh Quân', 'Phạm Thu Hà', 'Hoàng Đức Thắng', 'Vũ Thị Lan Anh'];

type Part = string | { kind: 'figure' | 'citation'; subtype: string; text: string; value: string };

export function realisticPassage(random: () => number, targetChars = 600 + Math.floor(random() * 300)): { text: string; claims: ClaimDraft[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const thousands = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const pct = (): Part => {
    const v = `${int(1, 99)},${int(0, 9)}`;
    return { kind: 'figure', subtype: 'percentage', text: `${v}%`, value: `${v.replace(',', '.')}%` };
  };
  const qty = (): Part => {
    const n = int(12, 98_000);
    const unit = pick(UNITS);
    return { kind: 'figure', subtype: 'quantity', text: `${thousands(n)} ${unit}`, value: `${n} ${unit}` };
  };
  const money = (): Part => {
    const n = int(2, 9_500);
    return { kind: 'figure', subtype: 'amount', text: `${thousands(n)} triệu đồng`, value: `${n * 1_000_000} VND` };
  };
  const date = (): Part => {
    const d = int(1, 28);
    const m = int(1, 12);
    const y = int(2023, 2026);
    return { kind: 'figure', subtype: 'date', text: `ngày ${d}/${m}/${y}`, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
  };
  const cite = (): Part => {
    const law = pick(LAWS);
    return { kind: 'citation', subtype: law.includes('/TW') || law.includes('VPTW') ? 'party' : 'state-normative', text: law, value: law.replace(/^.* số /, '') };
  };
  const sentences: Array<() => Part[]> = [
    () => [`Trong năm ${int(2023, 2025)}, ${pick(SUBJECTS)} ${pick(PLACES)} đã ${pick(VERBS)} công tác ${pick(TOPICS)}, ${pick(ADJ)}; tỷ lệ hoàn thành đạt `, pct(), '. '],
    () => ['Thực hiện ', cite(), `, ${pick(SUBJECTS).toLowerCase()} đã ban hành kế hoạch triển khai và phân công nhiệm vụ cụ thể cho từng cơ quan, đơn vị. `],
    () => [`Tổng kinh phí bố trí cho lĩnh vực ${pick(TOPICS)} là `, money(), `, trong đó ngân sách địa phương chiếm khoảng `, pct(), '. '],
    () => [`Đến `, date(), `, toàn ${pick(PLACES).split(' ')[0]} đã hỗ trợ `, qty(), ` thuộc diện chính sách, ${pick(ADJ)}. `],
    () => [`Căn cứ `, cite(), ` và hướng dẫn của cấp trên, các cơ quan cần ${pick(VERBS)} việc ${pick(TOPICS)} gắn với trách nhiệm người đứng đầu. `],
    () => [`Số ${pick(['thủ tục hành chính', 'hồ sơ trực tuyến', 'phản ánh, kiến nghị', 'đảng viên mới kết nạp', 'lao động được giải quyết việc làm'])} tăng `, pct(), ` so với cùng kỳ, đạt `, qty(), '. '],
    () => [`Tuy nhiên, việc ${pick(TOPICS)} tại một số địa bàn ${pick(ADJ)}, nguồn lực còn phân tán, sự phối hợp giữa các ngành có lúc chưa chặt chẽ. `],
    () => [`Đề nghị ${pick(SUBJECTS)} ${pick(PLACES)} chủ trì, phối hợp với các đơn vị liên quan ${pick(VERBS)} ${pick(TOPICS)} trong quý ${pick(['I', 'II', 'III', 'IV'])}. `],
    () => [`Giai đoạn ${int(2021, 2023)}–${int(2025, 2030)}, phấn đấu ${pick(['giảm tỷ lệ hộ nghèo xuống dưới', 'nâng tỷ lệ dịch vụ công trực tuyến toàn trình lên', 'đạt tỷ lệ che phủ rừng', 'bảo đảm tỷ lệ bao phủ bảo hiểm y tế trên'])} `, pct(), '. '],
    () => [`Hội nghị ngày `, date(), ` đã thống nhất ${pick(['điều chỉnh', 'bổ sung', 'rà soát lại', 'đẩy nhanh'])} tiến độ các dự án, ưu tiên vốn cho ${pick(TOPICS)}. `],
    () => [`Theo quy định tại `, cite(), `, thời hạn giải quyết không quá ${int(3, 30)} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. `],
    () => [`Công tác ${pick(TOPICS)} được xác định là nhiệm vụ trọng tâm, thường xuyên, đòi hỏi sự vào cuộc của cả hệ thống chính trị và sự đồng thuận của nhân dân. `],
    () => [`${pick(SUBJECTS)} ${pick(PLACES)} đã ${pick(VERBS)} các giải pháp về ${pick(TOPICS)}, bước đầu ${pick(ADJ)}, tạo nền tảng cho giai đoạn tiếp theo. `],
    () => [`Nguyên nhân chủ yếu là nhận thức của một bộ phận cán bộ về ${pick(TOPICS)} chưa đầy đủ, cơ sở vật chất còn thiếu, mới giải ngân được `, pct(), ' kinh phí. '],
    () => [`Thời gian tới, cần ${pick(VERBS)} ${pick(TOPICS)}, gắn với ${pick(TOPICS)}, bảo đảm công khai, minh bạch và đúng quy định. `],
    () => [`Việc ${pick(TOPICS)} phải bám sát thực tiễn ở ${pick(PLACES)}, phát huy vai trò của người đứng đầu và tinh thần trách nhiệm của đội ngũ cán bộ, công chức. `],
    () => [`Các cơ quan, đơn vị báo cáo kết quả thực hiện về ${pick(SUBJECTS)} để tổng hợp, đề xuất ${pick(['khen thưởng', 'điều chỉnh kế hoạch', 'xử lý kịp thời', 'bổ sung nguồn lực'])}. `],
    () => [`Các mô hình điểm về ${pick(TOPICS)} ở ${pick(PLACES)} cần được tổng kết, nhân rộng; kinh phí dự kiến `, money(), '. '],
  ];
  const parts: Part[] = [];
  let length = 0;
  while (length < targetChars) {
    for (const part of pick(sentences)()) {
      parts.push(part);
      length += typeof part === 'string' ? part.length : part.text.length;
    }
  }
  let text = '';
  const claims: ClaimDraft[] = [];
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      claims.push({ kind: part.kind, subtype: part.subtype, text: part.text, value: part.value, start: text.length, end: text.length + part.text.length });
      text += part.text;
    }
  }
  return { text: text.trim().normalize('NFC'), claims };
}

export interface RealisticRecordOptions {
  passages: number;
  seed?: number;
  /** Verify every claim (one claim-verified event per claim). */
  verifyAll?: boolean;
}

/** A record built through appendEvent: record-created, then per passage its generation and verifications. */
export async function realisticRecord(options: RealisticRecordOptions): Promise<ProvenanceRecord> {
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let time = Date.parse('2026-03-02T01:00:00.000Z');
  const tick = () => new Date((time += 1_000 + Math.floor(random() * 90_000))).toISOString();
  let record = await createRecord({ profileId: 'strict', appVersion: '0.1.0', actor: 'Nguyễn Văn An', at: tick(), documentId: uuidFrom(random) });
  for (let p = 0; p < options.passages; p++) {
    const { text, claims } = realisticPassage(random);
    const author = pick(PEOPLE);
    const data = await generatedPassageData({
      passageId: uuidFrom(random),
      origin: 'generated',
      purpose: pick(['draft', 'summarize', 'outline', 'analyze'] as const),
      provider: { id: 'ollama-local', name: 'Ollama (máy này)', tier: 'internal', endpointHost: 'localhost:11434' },
      model: pick(['qwen2.5:14b-instruct', 'llama3.1:8b', 'vistral-7b-chat']),
      prompt: `Soạn đoạn báo cáo về ${pick(TOPICS)} của ${pick(PLACES)}, nêu số liệu và căn cứ pháp lý.`,
      sources: [{ name: pick(SOURCES), sha256: await hexOf(random), chars: 2_000 + Math.floor(random() * 20_000) }],
      redactions: { 'personal-name': Math.floor(random() * 3), phone: Math.floor(random() * 2) },
      originalText: text,
      claims,
      timings: { startedAt: tick(), firstTokenMs: 300 + Math.floor(random() * 900), totalMs: 4_000 + Math.floor(random() * 20_000) },
      level: 2,
    });
    record = await appendEvent(record, { type: 'passage-generated', actor: author, at: tick(), data });
    if (options.verifyAll) {
      for (const claim of data.claims) {
        record = await appendEvent(record, {
          type: 'claim-verified',
          actor: pick(PEOPLE),
          at: tick(),
          data: await claimVerifiedData(data.passageId, claim, pick(SOURCES)),
        });
      }
    }
  }
  return record;
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function hexOf(random: () => number): Promise<string> {
  return Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('');
}
