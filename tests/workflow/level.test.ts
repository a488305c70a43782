import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { declareLevel, documentLevel, documentStatus } from '../../src/workflow';
import { context, reopen, reportDocx } from './helpers';

describe('the document level', () => {
  it('detects from the text, and a declared level wins only when stricter', async () => {
    const host = DocxHost.open(reportDocx());
    expect((await documentLevel(host)).effective).toBe(1);

    const declared = await declareLevel(host, context('Trần Thị Bình'), 2);
    expect(declared).toMatchObject({ declared: 2, effective: 2 });
    const saved = reopen(host);
    expect((await saved.readProperties()).AIProvenanceLevel).toBe('2');
    const status = await documentStatus(saved, context());
    expect(status.state!.declaredLevel).toMatchObject({ level: 2, by: 'Trần Thị Bình' });
    expect(status.level!.effective).toBe(2);
  });

  it('a stamp detected in the text is stricter than a lower declaration', async () => {
    const host = DocxHost.open(reportDocx(['MẬT', 'BÁO CÁO', 'Tình hình an ninh quý III.']));
    const level = await declareLevel(host, context(), 1);
    expect(level).toMatchObject({ declared: 1, effective: 4 });
    expect(level.detected.level).toBe(4);
  });

  it('refuses a level that does not exist', async () => {
    const host = DocxHost.open(reportDocx());
    await expect(declareLevel(host, context(), 5 as 1)).rejects.toMatchObject({ code: 'invalid-level' });
  });
});
