/**
 * templateConstraint (QTI 2.1/2.2/3.0 templateProcessing): a constraint that is false or NULL
 * puts the template variables back to their defaults and runs template processing again; after
 * the maximum number of attempts the declared defaults stand and processing goes on after it.
 */
import { describe, expect, it } from 'vitest';
import { toJson } from '../values/value.ts';
import { TEMPLATE_CONSTRAINT_ATTEMPTS } from './compile.ts';
import { evaluateQti } from './test-support/evaluate-qti.ts';

const declarations = `
  <templateDeclaration identifier="A" cardinality="single" baseType="integer">
    <defaultValue><value>-1</value></defaultValue>
  </templateDeclaration>
  <templateDeclaration identifier="B" cardinality="single" baseType="integer"/>
  <templateDeclaration identifier="TRIES" cardinality="single" baseType="integer">
    <defaultValue><value>0</value></defaultValue>
  </templateDeclaration>
  <templateDeclaration identifier="AFTER" cardinality="single" baseType="integer"/>`;

const draw = `<setTemplateValue identifier="A"><randomInteger min="1" max="20"/></setTemplateValue>
  <setTemplateValue identifier="B"><randomInteger min="1" max="20"/></setTemplateValue>`;
const value = (id: string, templateProcessing: string, seed: number) =>
  toJson(evaluateQti(`<variable identifier="${id}"/>`, { declarations, templateProcessing, seed }));

describe('templateConstraint', () => {
  it('draws again until the constraint holds (coprime, A < B), for every seed', () => {
    const constrained = `${draw}
      <templateConstraint>
        <and>
          <equal toleranceMode="exact"><gcd><variable identifier="A"/><variable identifier="B"/></gcd>
            <baseValue baseType="integer">1</baseValue></equal>
          <lt><variable identifier="A"/><variable identifier="B"/></lt>
        </and>
      </templateConstraint>`;
    let differentFromFirstDraw = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const a = value('A', constrained, seed) as number;
      const b = value('B', constrained, seed) as number;
      expect(a).toBeLessThan(b);
      const gcd = (x: number, y: number): number => (y ? gcd(y, x % y) : x);
      expect(gcd(a, b)).toBe(1);
      if (a !== value('A', draw, seed)) differentFromFirstDraw++;
    }
    // The constraint did make processing draw again for some seeds.
    expect(differentFromFirstDraw).toBeGreaterThan(0);
  });

  it('a NULL constraint counts as false; values set before a restart are rolled back', () => {
    const counting = `<setTemplateValue identifier="TRIES">
        <sum><variable identifier="TRIES"/><baseValue baseType="integer">1</baseValue></sum>
      </setTemplateValue>
      <templateConstraint><null/></templateConstraint>`;
    // Every attempt starts from the default 0, so the count never passes 1, and after the last
    // attempt the declared default stands.
    expect(value('TRIES', counting, 1)).toBe(0);
  });

  it(`after ${TEMPLATE_CONSTRAINT_ATTEMPTS} failures the declared defaults stand and later rules still run`, () => {
    const impossible = `${draw}
      <templateConstraint><gt><variable identifier="A"/><baseValue baseType="integer">100</baseValue></gt></templateConstraint>
      <setTemplateValue identifier="AFTER"><baseValue baseType="integer">5</baseValue></setTemplateValue>`;
    expect(value('A', impossible, 3)).toBe(-1);
    expect(value('B', impossible, 3)).toBeNull();
    expect(value('AFTER', impossible, 3)).toBe(5);
  });

  it('a constraint that holds at once changes nothing', () => {
    const holds = `${draw}<templateConstraint><baseValue baseType="boolean">true</baseValue></templateConstraint>`;
    for (const seed of [1, 2, 3]) expect(value('A', holds, seed)).toBe(value('A', draw, seed));
  });

  it('is read from QTI 3 items too', () => {
    const qti3 = `<qti-template-declaration identifier="A" cardinality="single" base-type="integer"/>`;
    const result = evaluateQti('<qti-variable identifier="A"/>', {
      declarations: qti3,
      templateProcessing: `<qti-set-template-value identifier="A"><qti-random-integer min="1" max="9"/></qti-set-template-value>
        <qti-template-constraint><qti-gt><qti-variable identifier="A"/><qti-base-value base-type="integer">7</qti-base-value></qti-gt></qti-template-constraint>`,
    });
    expect(toJson(result) as number).toBeGreaterThan(7);
  });
});
