import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode, errorMessage } from '../../server/common/errors';

describe('error codes', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/errors.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);

  test('docs/errors.md lists exactly the codes the server uses', () => {
    expect([...documented].sort()).toEqual(Object.values(ErrorCode).sort());
  });

  test('every code has a Chinese and an English message', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(errorMessage(code, {}, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(errorMessage(code, {}, 'en')).toMatch(/[A-Za-z]/);
    }
  });
});
