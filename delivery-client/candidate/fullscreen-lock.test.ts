import { describe, expect, it } from 'vitest';
import { en } from '../shared/messages/en.ts';
import { vi } from '../shared/messages/vi.ts';
import { fullscreenLockKey } from './fullscreen-lock.ts';

describe('the full-screen lock', () => {
  it('on a page resumed in a new browser only asks to enter full screen, accusing nobody', () => {
    const key = fullscreenLockKey(false);
    expect(vi[key]).not.toMatch(/đã thoát|ghi lại/);
    expect(en[key]).not.toMatch(/left|recorded/i);
  });

  it('after the candidate left full screen on this page says it was recorded', () => {
    expect(vi[fullscreenLockKey(true)]).toMatch(/đã thoát chế độ toàn màn hình/);
  });
});
