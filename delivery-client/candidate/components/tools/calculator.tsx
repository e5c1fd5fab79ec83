/** A basic calculator: type or tap an expression, Enter or "=" evaluates it (see evaluate-arithmetic.ts). */
import { useRef, useState } from 'react';
import type { Language } from '../../../shared/i18n.tsx';
import type { ToolText } from './tool-messages.ts';

type Key = { insert: string; label?: keyof ToolText };

export function Calculator({ text, lang }: { text: ToolText; lang: Language }) {
  const [expression, setExpression] = useState('');
  const [result, setResult] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const decimal = lang === 'vi' ? ',' : '.';
  const keys: Key[][] = [
    [{ insert: '7' }, { insert: '8' }, { insert: '9' }, { insert: '÷', label: 'dividedBy' }],
    [{ insert: '4' }, { insert: '5' }, { insert: '6' }, { insert: '×', label: 'times' }],
    [{ insert: '1' }, { insert: '2' }, { insert: '3' }, { insert: '−', label: 'minus' }],
    [
      { insert: '0' },
      { insert: decimal, label: 'decimalPoint' },
      { insert: '%', label: 'percent' },
      { insert: '+', label: 'plus' },
    ],
    [
      { insert: '(', label: 'openBracket' },
      { insert: ')', label: 'closeBracket' },
      { insert: '^', label: 'power' },
      { insert: '√(', label: 'squareRoot' },
    ],
  ];
  const edit = (next: string) => {
    setExpression(next);
    input.current?.focus();
  };
  const calculate = async () => {
    const { evaluateArithmetic } = await import('./evaluate-arithmetic.ts');
    const outcome = evaluateArithmetic(expression);
    if (outcome.ok)
      setResult(
        new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
          maximumSignificantDigits: 12,
          useGrouping: false,
        }).format(outcome.value),
      );
    else setResult(outcome.reason === 'invalid' ? text.invalid : text.undefinedResult);
  };
  return (
    <form
      className="calculator"
      onSubmit={(event) => {
        event.preventDefault();
        void calculate();
      }}
    >
      <label htmlFor="calculator-expression">{text.expression}</label>
      <input
        id="calculator-expression"
        ref={input}
        value={expression}
        onChange={(event) => setExpression(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        inputMode="decimal"
        style={{ width: '100%', fontSize: '1.2em', boxSizing: 'border-box' }}
      />
      <div
        role="group"
        aria-label={text.keypad}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: '0.3rem', margin: '0.5rem 0' }}
      >
        {keys.flat().map((key) => (
          <button
            key={key.insert}
            type="button"
            aria-label={key.label ? text[key.label] : undefined}
            onClick={() => edit(expression + key.insert)}
          >
            {key.insert === '√(' ? '√' : key.insert}
          </button>
        ))}
        <button type="button" onClick={() => (edit(''), setResult(''))}>
          {text.clear}
        </button>
        <button type="button" aria-label={text.backspace} onClick={() => edit(expression.slice(0, -1))}>
          ⌫
        </button>
        <button type="submit" className="primary" style={{ gridColumn: 'span 2' }}>
          = {text.equals}
        </button>
      </div>
      <p style={{ margin: 0 }}>
        {text.result}:{' '}
        <output htmlFor="calculator-expression" aria-live="polite" data-testid="calculator-result">
          <strong>{result}</strong>
        </output>
      </p>
    </form>
  );
}
