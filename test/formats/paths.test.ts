import { describe, expect, it } from 'vitest';
import { fileUri, relativePath } from '../../src/formats/paths.js';

describe('paths in CI formats', () => {
  it('makes paths inside the working folder relative, with forward slashes', () => {
    expect(relativePath('/work/repo/designs/a.yaml', '/work/repo')).toBe('designs/a.yaml');
    expect(relativePath('/work/repo/designs/a.yaml', '/work/repo/')).toBe('designs/a.yaml');
    expect(relativePath('C:\\work\\repo\\designs\\a.yaml', 'C:\\work\\repo')).toBe('designs/a.yaml');
    expect(relativePath('./designs/a.yaml')).toBe('designs/a.yaml');
    expect(relativePath('/work/repository/a.yaml', '/work/repo')).toBe('/work/repository/a.yaml');
  });

  it('writes URI references: relative and percent-encoded inside, file:// outside', () => {
    expect(fileUri('my designs/a#1.yaml')).toBe('my%20designs/a%231.yaml');
    expect(fileUri('/elsewhere/a b.yaml', '/work/repo')).toBe('file:///elsewhere/a%20b.yaml');
    expect(fileUri('D:\\x\\a.yaml', 'C:\\work')).toBe('file:///D:/x/a.yaml');
  });
});
