// The project's own core registry: documents most cited in government drafting, written here as facts.
// Sources (public): Bộ pháp điển điện tử (phapdien.moj.gov.vn) notes as mirrored in the public repos
// DAIKOOH12/bot_rasa (edition ≈2023-09, commit ce0bfd0f) and quangthai87vn/NLP-TraCuuPhapDienVN
// (edition ≈2025-11, commit 75b8e8f1), cross-read through ../shared/registry/documents.jsonl; the
// source of each row is named on it ("PĐ" = Bộ pháp điển note giving number, date, issuer, effective
// date). `status_as_of` is the date the source shows the status to hold, not today.
import type { RegistryEntryInput } from './types';

const PD23 = 'Bộ pháp điển (phapdien.moj.gov.vn), ed. 2023-09 via DAIKOOH12/bot_rasa';
const PD25 = 'Bộ pháp điển (phapdien.moj.gov.vn), ed. 2025-11 via quangthai87vn/NLP-TraCuuPhapDienVN';

export const CORE_REGISTRY: readonly RegistryEntryInput[] = [
  // Laws (Quốc hội)
  { symbol: '24/2018/QH14', type: 'Luật', issuer: 'Quốc hội', issued: '2018-06-12', effective: '2019-01-01', title: 'Luật An ninh mạng', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  // Công báo text (hrmaster1982-dev/phapluat-8chude-data, VBHN 113/VBHN-VPQH): passed 10/12/2025, in force 01/07/2026.
  { symbol: '116/2025/QH15', type: 'Luật', issuer: 'Quốc hội', issued: '2025-12-10', effective: '2026-07-01', title: 'Luật An ninh mạng', status: 'not-yet-in-force', status_as_of: '2026-06-29', source: 'Công báo text via hrmaster1982-dev/phapluat-8chude-data' },
  { symbol: '29/2018/QH14', type: 'Luật', issuer: 'Quốc hội', issued: '2018-11-15', effective: '2020-07-01', title: 'Luật Bảo vệ bí mật nhà nước', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  // thuviennhadat.vn/vbpl/luat-bao-ve-du-lieu-ca-nhan-2025-so-91-2025-qh15-625628.html (header: Luật số 91/2025/QH15,
  // Hà Nội 26/6/2025); vneconomy.vn and congan.quangngai.gov.vn: in force from 01/01/2026.
  { symbol: '91/2025/QH15', type: 'Luật', issuer: 'Quốc hội', issued: '2025-06-26', effective: '2026-01-01', title: 'Luật Bảo vệ dữ liệu cá nhân', status: 'in-force', status_as_of: '2026-01-01', source: 'thuviennhadat.vn (text of the law); vneconomy.vn' },
  { symbol: '20/2023/QH15', type: 'Luật', issuer: 'Quốc hội', issued: '2023-06-22', effective: '2024-07-01', title: 'Luật Giao dịch điện tử', status: 'in-force', status_as_of: '2026-02-26', source: PD25 },
  { symbol: '86/2015/QH13', type: 'Luật', issuer: 'Quốc hội', issued: '2015-11-19', effective: '2016-07-01', title: 'Luật An toàn thông tin mạng', status: 'partly-expired', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '80/2015/QH13', type: 'Luật', issuer: 'Quốc hội', issued: '2015-06-22', effective: '2016-07-01', title: 'Luật Ban hành văn bản quy phạm pháp luật', status: 'partly-expired', status_as_of: '2023-09-06', source: PD23 },
  { symbol: '63/2020/QH14', type: 'Luật', issuer: 'Quốc hội', issued: '2020-06-18', effective: '2021-01-01', title: 'Luật sửa đổi, bổ sung một số điều của Luật ban hành văn bản quy phạm pháp luật', status: 'in-force', status_as_of: '2023-09-06', source: PD23 },
  // thuvienphapluat page via tnt305/tai_lieu_noi_bo: issued 19/02/2025; status not given by the source.
  { symbol: '64/2025/QH15', type: 'Luật', issuer: 'Quốc hội', issued: '2025-02-19', title: 'Luật Ban hành văn bản quy phạm pháp luật', status: 'unknown', source: 'thuvienphapluat.vn page via tnt305/tai_lieu_noi_bo' },
  { symbol: '104/2016/QH13', type: 'Luật', issuer: 'Quốc hội', issued: '2016-04-06', effective: '2018-07-01', title: 'Luật Tiếp cận thông tin', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '103/2016/QH13', type: 'Luật', issuer: 'Quốc hội', issued: '2016-04-05', effective: '2017-01-01', title: 'Luật Báo chí', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '45/2019/QH14', type: 'Bộ luật', issuer: 'Quốc hội', issued: '2019-11-20', effective: '2021-01-01', title: 'Bộ luật Lao động', status: 'in-force', status_as_of: '2025-11-10', source: PD23 },
  { symbol: '16/2023/QH15', type: 'Luật', issuer: 'Quốc hội', issued: '2023-06-19', effective: '2024-07-01', title: 'Luật Giá', status: 'in-force', status_as_of: '2026-02-26', source: 'thuvienphapluat.vn page via tnt305/tai_lieu_noi_bo' },
  { symbol: '71/2025/QH15', type: 'Luật', issuer: 'Quốc hội', issued: '2025-06-14', effective: '2026-01-01', title: null, status: 'unknown', source: 'Công báo text via hrmaster1982-dev/phapluat-8chude-data' },
  // Resolution of the Standing Committee on the form of documents
  { symbol: '351/2017/UBTVQH14', type: 'Nghị quyết', issuer: 'Ủy ban Thường vụ Quốc hội', issued: '2017-03-14', effective: '2017-05-20', title: 'Quy định thể thức và kỹ thuật trình bày văn bản quy phạm pháp luật của Quốc hội, Ủy ban Thường vụ Quốc hội, Chủ tịch nước', status: 'in-force', status_as_of: '2023-09-06', source: PD23 },
  // Decrees (Chính phủ)
  // Replaced by 356/2025/NĐ-CP from 01/01/2026: ../shared/REQUIREMENTS.md and ../shared/domain/VIETNAMESE-TEXT.md
  // (thanhnien.vn/…185260105102550429.htm); dates and title from PĐ 2023.
  { symbol: '13/2023/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2023-04-17', effective: '2023-07-01', title: 'Bảo vệ dữ liệu cá nhân', status: 'expired', status_as_of: '2026-01-01', replaced_by: ['356/2025/NĐ-CP'], source: `${PD23}; thanhnien.vn (replacement)` },
  // Issue date 31/12/2025: ../shared/domain/VIETNAMESE-TEXT.md and a Công báo citation (Nghị quyết 22/2026/NQ-CP);
  // in force 01/01/2026 (REQUIREMENTS.md). Title left out: no source at hand gives it verbatim.
  { symbol: '356/2025/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2025-12-31', effective: '2026-01-01', title: null, status: 'in-force', status_as_of: '2026-01-01', source: 'Công báo citation via hrmaster1982-dev/phapluat-8chude-data; thanhnien.vn' },
  { symbol: '30/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2020-03-05', effective: '2020-03-05', title: 'Về công tác văn thư', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '34/2016/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2016-05-14', effective: '2016-07-01', title: 'Quy định chi tiết một số điều và biện pháp thi hành Luật ban hành văn bản quy phạm pháp luật', status: 'partly-expired', status_as_of: '2023-09-06', source: PD23 },
  { symbol: '154/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2020-12-31', effective: '2021-01-01', title: 'Sửa đổi, bổ sung một số điều của Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật', status: 'in-force', status_as_of: '2023-09-06', source: PD23 },
  { symbol: '26/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2020-02-28', effective: '2020-07-01', title: 'Quy định chi tiết một số điều của Luật Bảo vệ bí mật nhà nước', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '85/2016/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2016-07-01', effective: '2016-07-01', title: 'Về bảo đảm an toàn hệ thống thông tin theo cấp độ', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '47/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2020-04-09', effective: '2020-05-25', title: 'Quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
  { symbol: '45/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2020-04-08', effective: '2020-05-22', title: 'Về thực hiện thủ tục hành chính trên môi trường điện tử', status: 'in-force', status_as_of: '2020-11-02', source: PD23 },
  { symbol: '130/2018/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2018-09-27', effective: '2018-11-15', title: 'Quy định chi tiết thi hành Luật giao dịch điện tử về chữ ký số và dịch vụ chứng thực chữ ký số', status: 'in-force', status_as_of: '2020-11-02', source: PD23 },
  { symbol: '09/2019/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', issued: '2019-01-24', title: 'Quy định về chế độ báo cáo của cơ quan hành chính nhà nước', status: 'unknown', source: PD25 },
  // Circulars
  { symbol: '24/2020/TT-BCA', type: 'Thông tư', issuer: 'Bộ Công an', issued: '2020-03-10', effective: '2020-07-01', title: 'Ban hành biểu mẫu sử dụng trong công tác bảo vệ bí mật nhà nước', status: 'in-force', status_as_of: '2024-06-10', source: PD23 },
];
