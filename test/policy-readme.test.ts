import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AGENCIES } from '../platform/auth.js';
import { POLICIES, policyMarkdown, readmeWithPolicy } from '../tools/policy-table.js';

describe("the README's who-may-see-what table", () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

  it('is the one printed from the policy tables (npm run policy:print)', () => {
    expect(readmeWithPolicy(readme)).toBe(readme);
  });

  it('has a row per rule, each with a mark for all six agencies', () => {
    const rows = policyMarkdown()
      .split('\n')
      .filter((line) => /^\| (police|assistance|prosecution|every subgraph) \|/.test(line));
    const rules = Object.values(POLICIES).reduce((count, table) => count + Object.keys(table).length, 0);
    expect(rows).toHaveLength(rules);
    for (const row of rows) expect(row.match(/\| (✓\*|✓|✗) (?=\|)/g)).toHaveLength(AGENCIES.length);
  });

  it('never opens anything but the access log to AUDITOR, and gives PARTNER no personal record', () => {
    for (const table of Object.values(POLICIES)) {
      for (const rule of Object.values(table)) {
        const auditLog = rule.fields.some((field) => /AccessLog/.test(field));
        if (!auditLog) expect(rule.agencies).not.toContain('AUDITOR');
        if (
          rule.fields.some((field) =>
            /^(Migrant\.(identity|traffickingStatus|vulnerabilities|assistance|screenings|consents)|Suspect\.|IntelligenceItem\.|MlaRequest\.|Witness\.)/.test(
              field,
            ),
          )
        ) {
          expect(rule.agencies).not.toContain('PARTNER');
        }
      }
    }
  });
});
