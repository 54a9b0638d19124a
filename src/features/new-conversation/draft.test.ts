import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { describeDraft, draftBody, placeServerError, validateDraft } from './draft';

const draft = (name: string, participants: string[] = [], isPrivate = false) => ({
  name,
  participants,
  private: isPrivate,
});
const apiError = (status: number, message: string) =>
  new ApiError(status, { statusCode: status, message, timestamp: '2026-11-20T12:00:00.000Z' });

describe('validateDraft', () => {
  it('needs a name or at least one person', () => {
    expect(validateDraft(draft(''))).toEqual({ people: 'Add at least one person, or give the conversation a name.' });
    expect(validateDraft(draft('launch'))).toEqual({});
    expect(validateDraft(draft('', ['ada']))).toEqual({});
    expect(validateDraft(draft('', ['ada', 'grace']))).toEqual({});
  });

  it('refuses a name of only spaces and one over 80 characters (after trimming)', () => {
    expect(validateDraft(draft('   ', ['ada'])).name).toMatch(/can’t be only spaces/);
    expect(validateDraft(draft('   ')).people).toBeUndefined();
    expect(validateDraft(draft(`  ${'x'.repeat(80)}  `))).toEqual({});
    expect(validateDraft(draft('x'.repeat(81))).name).toBe('Names can be at most 80 characters; this one has 81.');
  });
});

describe('draftBody', () => {
  it('sends the trimmed name, the people and the private flag; unnamed ones are always private', () => {
    expect(draftBody(draft('  launch  ', ['a', 'b'], false))).toEqual({
      name: 'launch',
      participants: ['a', 'b'],
      private: false,
    });
    expect(draftBody(draft('launch', [], true))).toEqual({ name: 'launch', participants: [], private: true });
    expect(draftBody(draft('', ['a'], false))).toEqual({ participants: ['a'], private: true });
  });
});

describe('describeDraft', () => {
  it('says what Create will make', () => {
    expect(describeDraft(draft(''), [])).toMatch(/^Give it a name/);
    expect(describeDraft(draft('', ['a']), ['Ada'])).toBe(
      'Opens your direct message with Ada, starting it if there is none.',
    );
    expect(describeDraft(draft('', ['a', 'b']), ['Ada', 'Grace'])).toBe(
      'Starts a group message between you and 2 others.',
    );
    expect(describeDraft(draft('ops', [], true), [])).toBe('Creates a private channel named “ops” with just you.');
    expect(describeDraft(draft('ops', ['a']), ['Ada'])).toBe('Creates a channel named “ops” with you and Ada.');
  });
});

describe('placeServerError', () => {
  const nameOf = (id: string) => ({ u1abcdef: 'Ada Lovelace' })[id];

  it('puts a taken name beside Name and a refused person beside the picker, by name', () => {
    expect(placeServerError(apiError(409, 'A conversation named "x" already exists'), nameOf)).toEqual({
      name: 'A conversation named "x" already exists',
    });
    expect(placeServerError(apiError(422, 'Inactive users cannot join a conversation: u1abcdef'), nameOf)).toEqual({
      people: 'Inactive users cannot join a conversation: Ada Lovelace',
    });
    expect(
      placeServerError(apiError(422, 'Unknown participants: zzzzzzzz are not users of this account'), nameOf),
    ).toEqual({
      people: 'Unknown participants: zzzzzzzz are not users of this account',
    });
    expect(placeServerError(apiError(422, 'name is 90 characters long; the limit is 80'), nameOf)).toEqual({
      name: 'name is 90 characters long; the limit is 80',
    });
  });

  it('says anything else above the buttons', () => {
    expect(placeServerError(apiError(403, 'This account is not allowed'), nameOf)).toEqual({
      form: 'This account is not allowed',
    });
    expect(placeServerError(apiError(500, 'The server answered 500'), nameOf)).toEqual({
      form: 'The conversation could not be created: The server answered 500. Try again.',
    });
    expect(placeServerError(apiError(0, 'Network error'), nameOf).form).toMatch(
      /Could not reach the inbox server\..*Try again\.$/,
    );
  });
});
