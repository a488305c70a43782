/**
 * The three sample documents of the workbench and the browser tests, written for the project in
 * the layout of Nghị định 30/2020/NĐ-CP. The figures are illustrative, not official statistics;
 * the people, phone numbers and CCCD numbers are invented (valid in form, so the checks find them).
 */
import { para, table, type Block, type DocumentSpec, type Run } from './ooxml';

const LEFT_COL = 3969; // 7 cm
const RIGHT_COL = 5386; // 9.5 cm

interface Masthead {
  /** Issuing body, one line per paragraph; the last line is bold (the body itself). */
  issuer: [string, string];
  number: string;
  date: string;
  /** A secrecy stamp under the number/symbol (box 10a of the layout). */
  stamp?: string;
}

/** Issuing body and "Số: …" on the left, the national motto and the place-and-date line on the right. */
function masthead(m: Masthead): Block[] {
  const left = [
    para(m.issuer[0], { style: 'Masthead' }),
    para([{ text: m.issuer[1], bold: true }], { style: 'Masthead' }),
    para('', { style: 'Masthead', after: 60 }),
    para(m.number, { style: 'Masthead' }),
  ];
  const right = [
    para([{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 24 }], { style: 'Masthead' }),
    para([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 28 }], { style: 'Masthead' }),
    para('', { style: 'Masthead', after: 60 }),
    para([{ text: m.date, italic: true, size: 28 }], { style: 'Masthead' }),
  ];
  const blocks = [table([[left, right]], { widths: [LEFT_COL, RIGHT_COL], ruled: false })];
  if (m.stamp) blocks.push(para(m.stamp, { style: 'Stamp', boxed: true }));
  return blocks;
}

function heading(kind: string, summary: string): Block[] {
  return [para(kind, { style: 'Title' }), para(summary, { style: 'Subtitle' })];
}

const body = (text: string | Run[]) => para(text, { style: 'BodyText' });
const h1 = (text: string) => para(text, { style: 'Heading1' });
const h2 = (text: string) => para(text, { style: 'Heading2' });
const cell = (text: string, bold = false, align: 'left' | 'center' | 'right' = 'left') =>
  para(bold ? [{ text, bold: true }] : text, { style: 'TableText', align });

interface Signature {
  recipients: string[];
  /** e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] */
  authority: string[];
  signer: string;
}

/** "Nơi nhận:" on the left, the signer's authority, space to sign and the name on the right. */
function signature(s: Signature): Block[] {
  const left = [
    para([{ text: 'Nơi nhận:', bold: true, italic: true, size: 24 }], { style: 'Recipients' }),
    ...s.recipients.map((r) => para(r, { style: 'Recipients' })),
  ];
  const right = [
    ...s.authority.map((line) => para([{ text: line, bold: true }], { style: 'Masthead' })),
    para('', { style: 'Masthead' }),
    para('', { style: 'Masthead' }),
    para('', { style: 'Masthead' }),
    para([{ text: s.signer, bold: true }], { style: 'Masthead' }),
  ];
  return [para('', { style: 'BodyText' }), table([[left, right]], { widths: [4536, 4819], ruled: false })];
}

function dataTable(caption: string, head: string[], rows: string[][], widths: number[]): Block[] {
  return [
    para([{ text: caption, bold: true }], { style: 'TableText', align: 'center', before: 120 }),
    table(
      [
        head.map((h) => [cell(h, true, 'center')]),
        ...rows.map((r) => r.map((v, i) => [cell(v, false, i === 0 || i === 1 ? 'left' : 'center')])),
      ],
      { widths, ruled: true, headerRows: 1 },
    ),
  ];
}

const UBND_TINH: [string, string] = ['ỦY BAN NHÂN DÂN', 'TỈNH CAO BẰNG'];

/** (a) A quarterly report on digital transformation: public or internal, no personal data. */
export function reportOnDigitalTransformation(): DocumentSpec {
  return {
    title: 'Báo cáo kết quả thực hiện chuyển đổi số quý I năm 2026',
    subject: 'Chuyển đổi số',
    blocks: [
      ...masthead({ issuer: UBND_TINH, number: 'Số: 125/BC-UBND', date: 'Cao Bằng, ngày 15 tháng 4 năm 2026' }),
      ...heading('BÁO CÁO', 'Kết quả thực hiện chuyển đổi số tỉnh Cao Bằng quý I năm 2026'),
      body(
        'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, ' +
          'đổi mới sáng tạo và chuyển đổi số quốc gia; Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt ' +
          'Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030; Quyết định số 2081/QĐ-UBND ngày 05/12/2025 ' +
          'của Ủy ban nhân dân tỉnh Cao Bằng ban hành Khung AI tin cậy tỉnh Cao Bằng, Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện ' +
          'chuyển đổi số quý I năm 2026 như sau:',
      ),
      h1('I. KẾT QUẢ THỰC HIỆN'),
      h2('1. Hạ tầng số'),
      body(
        'Toàn tỉnh hiện có 1.126 trạm phát sóng di động, trong đó 612 trạm hỗ trợ công nghệ 4G và 38 trạm thử nghiệm 5G; ' +
          'tỷ lệ thôn, xóm có sóng di động băng rộng đạt 97,8%, tăng 1,6 điểm phần trăm so với cuối năm 2025. ' +
          'Mạng truyền số liệu chuyên dùng đã kết nối đến 100% cơ quan, đơn vị cấp tỉnh và cấp xã.',
      ),
      h2('2. Chính quyền số'),
      body(
        'Hệ thống quản lý văn bản và điều hành được liên thông từ cấp tỉnh đến cấp xã; trong quý I, tỷ lệ văn bản đi được ký số ' +
          'và gửi, nhận hoàn toàn trên môi trường mạng đạt 96,4%. Văn bản điện tử được trình bày theo Nghị định số 30/2020/NĐ-CP ' +
          'ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.',
      ),
      body(
        'Cổng Dịch vụ công của tỉnh cung cấp 1.684 thủ tục hành chính, trong đó 1.092 dịch vụ công trực tuyến toàn trình; ' +
          'trong quý đã tiếp nhận 48.215 hồ sơ, tỷ lệ hồ sơ nộp trực tuyến đạt 68,5%, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,9%.',
      ),
      ...dataTable(
        'Bảng 1. Một số chỉ tiêu chuyển đổi số quý I năm 2026',
        ['STT', 'Chỉ tiêu', 'Kế hoạch năm 2026', 'Thực hiện quý I'],
        [
          ['1', 'Tỷ lệ văn bản đi được ký số', '98%', '96,4%'],
          ['2', 'Tỷ lệ hồ sơ nộp trực tuyến', '75%', '68,5%'],
          ['3', 'Tỷ lệ người trưởng thành có danh tính điện tử mức 2', '90%', '82,3%'],
          ['4', 'Giá trị giao dịch thương mại điện tử (tỷ đồng)', '900', '215'],
        ],
        [680, 4535, 2070, 2070],
      ),
      h2('3. Kinh tế số và xã hội số'),
      body(
        'Giá trị giao dịch thương mại điện tử của doanh nghiệp trên địa bàn ước đạt 215 tỷ đồng; 4.350 hộ sản xuất nông nghiệp ' +
          'đã đưa sản phẩm lên sàn thương mại điện tử, trong đó có 126 sản phẩm OCOP. Tỷ lệ người trưởng thành có danh tính điện tử ' +
          'mức 2 đạt 82,3%; tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử đạt 71,2%.',
      ),
      h2('4. Ứng dụng trí tuệ nhân tạo'),
      body(
        'Triển khai thí điểm công cụ trí tuệ nhân tạo hỗ trợ soạn thảo văn bản tại 05 sở, ngành theo Khung AI tin cậy tỉnh Cao Bằng. ' +
          'Mọi nội dung có sự hỗ trợ của AI đều được đánh dấu, đối chiếu số liệu, trích dẫn với nguồn chính thức và được người có ' +
          'thẩm quyền kiểm chứng trước khi trình ký.',
      ),
      h1('II. TỒN TẠI, HẠN CHẾ'),
      body('- Hạ tầng mạng tại một số xã vùng cao, biên giới chưa ổn định; còn 47 thôn, xóm chưa có sóng di động băng rộng.'),
      body('- Tỷ lệ hồ sơ trực tuyến toàn trình ở một số lĩnh vực đất đai, xây dựng còn thấp, chưa đạt kế hoạch đề ra.'),
      body('- Nguồn nhân lực chuyên trách về công nghệ thông tin ở cấp xã còn thiếu, kỹ năng số của một bộ phận cán bộ còn hạn chế.'),
      h1('III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026'),
      body(
        '1. Hoàn thành phủ sóng di động băng rộng cho các thôn, xóm còn lại; nâng tỷ lệ hồ sơ nộp trực tuyến lên tối thiểu 72%.',
      ),
      body('2. Tổ chức tập huấn kỹ năng số và sử dụng AI có trách nhiệm cho cán bộ, công chức cấp xã.'),
      body('3. Tiếp tục số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tái sử dụng dữ liệu đã số hóa.'),
      body('Ủy ban nhân dân tỉnh Cao Bằng trân trọng báo cáo./.'),
      ...signature({
        recipients: [
          '- Bộ Khoa học và Công nghệ;',
          '- Thường trực Tỉnh ủy;',
          '- Thường trực HĐND tỉnh;',
          '- Chủ tịch, các PCT UBND tỉnh;',
          '- Các sở, ban, ngành tỉnh;',
          '- Lưu: VT, KHCN.',
        ],
        authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        signer: 'Nông Thanh Sơn',
      }),
    ],
  };
}

/** (b) A plan for deploying AI, with the liaison officers' names, phones and CCCD: personal data. */
export function planForDeployingAi(): DocumentSpec {
  return {
    title: 'Kế hoạch triển khai ứng dụng trí tuệ nhân tạo hỗ trợ soạn thảo văn bản năm 2026',
    subject: 'Trí tuệ nhân tạo',
    blocks: [
      ...masthead({ issuer: UBND_TINH, number: 'Số: 86/KH-UBND', date: 'Cao Bằng, ngày 20 tháng 3 năm 2026' }),
      ...heading(
        'KẾ HOẠCH',
        'Triển khai ứng dụng trí tuệ nhân tạo hỗ trợ soạn thảo văn bản trong các cơ quan hành chính nhà nước tỉnh Cao Bằng năm 2026',
      ),
      body(
        'Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15; Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 ngày 26 tháng 6 năm 2025; ' +
          'Nghị định số 356/2025/NĐ-CP ngày 31/12/2025 của Chính phủ; Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân ' +
          'tỉnh Cao Bằng ban hành Khung AI tin cậy tỉnh Cao Bằng, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
      ),
      h1('I. MỤC ĐÍCH, YÊU CẦU'),
      body(
        '1. Ứng dụng trí tuệ nhân tạo để nâng cao chất lượng, rút ngắn thời gian soạn thảo văn bản; bảo đảm con người luôn kiểm soát ' +
          'và chịu trách nhiệm về nội dung cuối cùng.',
      ),
      body(
        '2. Mọi nội dung do AI hỗ trợ phải được đánh dấu; số liệu, trích dẫn văn bản phải được kiểm chứng với nguồn chính thức trước khi ' +
          'trình ký. Không sử dụng AI đối với tài liệu có nội dung bí mật nhà nước.',
      ),
      h1('II. NỘI DUNG, NHIỆM VỤ'),
      h2('1. Giai đoạn thí điểm (tháng 4 đến tháng 6 năm 2026)'),
      body(
        'Triển khai thí điểm tại 05 đơn vị: Văn phòng Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ, Sở Tài chính, Sở Nội vụ và ' +
          'Ủy ban nhân dân phường Thục Phán; dự kiến 120 cán bộ, công chức tham gia, mỗi người được tập huấn tối thiểu 08 giờ.',
      ),
      h2('2. Giai đoạn mở rộng (tháng 7 đến tháng 12 năm 2026)'),
      body(
        'Mở rộng đến toàn bộ các sở, ban, ngành và Ủy ban nhân dân các xã, phường; phấn đấu 70% cán bộ, công chức sử dụng thành thạo ' +
          'công cụ AI theo đúng quy trình kiểm chứng.',
      ),
      h1('III. KINH PHÍ THỰC HIỆN'),
      body(
        'Kinh phí thực hiện từ nguồn sự nghiệp khoa học và công nghệ năm 2026 đã được Hội đồng nhân dân tỉnh thông qua và các nguồn ' +
          'hợp pháp khác theo quy định.',
      ),
      h1('IV. TỔ CHỨC THỰC HIỆN'),
      body([
        {
          text:
            '1. Giao Sở Khoa học và Công nghệ chủ trì, theo dõi, tổng hợp kết quả thực hiện. Đầu mối: bà Nguyễn Thị Lan, ' +
            'Phó Giám đốc Sở, điện thoại 0915 214 367, CCCD số 004186002517.',
        },
      ]),
      body(
        '2. Các đơn vị thí điểm cử cán bộ đầu mối theo danh sách kèm theo; báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 25 ' +
          'hằng tháng.',
      ),
      ...dataTable(
        'DANH SÁCH CÁN BỘ ĐẦU MỐI TRIỂN KHAI',
        ['STT', 'Họ và tên', 'Đơn vị', 'Điện thoại', 'Số CCCD'],
        [
          ['1', 'Nguyễn Thị Lan', 'Sở Khoa học và Công nghệ', '0915 214 367', '004186002517'],
          ['2', 'Hoàng Văn Đức', 'Văn phòng UBND tỉnh', '0986 532 714', '004090003341'],
          ['3', 'Lương Thị Hoa', 'Sở Tài chính', '0338 146 925', '004188004562'],
          ['4', 'Đàm Quang Huy', 'Sở Nội vụ', '0829 473 105', '004093001876'],
          ['5', 'Bế Thị Mai', 'UBND phường Thục Phán', '0368 250 491', '004195006238'],
        ],
        [620, 2200, 2600, 1700, 2235],
      ),
      body('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo./.'),
      ...signature({
        recipients: ['- Bộ Khoa học và Công nghệ;', '- Chủ tịch, các PCT UBND tỉnh;', '- Các đơn vị thí điểm;', '- Lưu: VT, KHCN.'],
        authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        signer: 'Nông Thanh Sơn',
      }),
    ],
  };
}

/** (c) A report stamped TỐI MẬT (under the number/symbol and in the page header): a state secret. */
export function secretReport(): DocumentSpec {
  const stamp = 'TỐI MẬT';
  return {
    title: 'Báo cáo tình hình bảo đảm an toàn, an ninh mạng quý I năm 2026',
    subject: 'An ninh mạng',
    header: [para([{ text: stamp, bold: true, color: 'C00000', size: 26 }], { style: 'Header' })],
    blocks: [
      ...masthead({ issuer: UBND_TINH, number: 'Số: 18/BC-UBND', date: 'Cao Bằng, ngày 08 tháng 4 năm 2026', stamp }),
      ...heading(
        'BÁO CÁO',
        'Tình hình bảo đảm an toàn, an ninh mạng đối với hệ thống thông tin của cơ quan nhà nước tỉnh Cao Bằng quý I năm 2026',
      ),
      body(
        'Thực hiện Luật An ninh mạng số 24/2018/QH14; Luật Bảo vệ bí mật nhà nước số 29/2018/QH14; Nghị định số 85/2016/NĐ-CP ' +
          'ngày 01 tháng 7 năm 2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ, Ủy ban nhân dân tỉnh báo cáo ' +
          'như sau:',
      ),
      h1('I. TÌNH HÌNH'),
      body(
        'Trong quý I năm 2026, hệ thống giám sát an toàn thông tin của tỉnh ghi nhận 37 đợt tấn công có chủ đích vào Cổng thông tin ' +
          'điện tử và hệ thống thư điện tử công vụ; 4 máy chủ tại Trung tâm dữ liệu tỉnh bị dò quét lỗ hổng từ nhiều máy chủ đặt ở nước ngoài.',
      ),
      body(
        'Qua rà soát, phát hiện 12 máy trạm tại 03 cơ quan bị nhiễm mã độc có khả năng thu thập dữ liệu; đã cô lập, xử lý và báo cáo ' +
          'cơ quan chuyên trách của Bộ Công an.',
      ),
      h1('II. ĐÁNH GIÁ VÀ KIẾN NGHỊ'),
      body(
        'Nguy cơ lộ, lọt thông tin qua việc sử dụng các công cụ trí tuệ nhân tạo công cộng trên máy tính kết nối Internet là rất cao. ' +
          'Đề nghị nghiêm cấm soạn thảo, lưu trữ tài liệu bí mật nhà nước trên máy tính có kết nối mạng.',
      ),
      body('Ủy ban nhân dân tỉnh Cao Bằng báo cáo./.'),
      ...signature({
        recipients: ['- Bộ Công an;', '- Thường trực Tỉnh ủy;', '- Công an tỉnh;', '- Lưu: VT, bản số 01.'],
        authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
        signer: 'Triệu Đình Kiên',
      }),
    ],
  };
}

/** File name → document, as committed in assets/samples/. */
export const SAMPLE_SPECS: Record<string, () => DocumentSpec> = {
  'bao-cao-chuyen-doi-so.docx': reportOnDigitalTransformation,
  'ke-hoach-trien-khai-ai.docx': planForDeployingAi,
  'bao-cao-toi-mat.docx': secretReport,
};
