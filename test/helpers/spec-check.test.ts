import { describe, expect, it } from 'vitest';
import { specExample, specIssues } from './spec-check.js';

const url = (path: string) => `https://api.test/v1${path}`;

describe('specIssues', () => {
  it('finds nothing wrong with a request the spec takes', () => {
    const body = {
      items: [{ type: 'message', role: 'user', content: 'Hi' }],
      metadata: { a: 'b' },
    };
    expect(specIssues({ method: 'POST', url: url('/conversations'), body })).toEqual([]);
    const query = '?limit=5&order=asc&after=c_1&model=m&metadata%5Bapp%5D=shop';
    expect(specIssues({ method: 'GET', url: url(`/chat/completions${query}`) })).toEqual([]);
  });

  it('names what the spec refuses: a bad item, a field it does not declare, a body it requires', () => {
    const body = { items: [{ role: 'user', content: 42 }], colour: 'red' };
    const issues = specIssues({ method: 'POST', url: url('/conversations'), body });
    expect(issues).toContain('body.colour: not declared by the spec');
    expect(issues.some((issue) => issue.startsWith('body/items/0'))).toBe(true);
    expect(specIssues({ method: 'POST', url: url('/chat/completions/c_1') })).toEqual([
      'body: required',
    ]);
  });

  it('names a query parameter of the wrong type or value, and one the operation does not have', () => {
    const query = '?limit=five&order=newest&colour=red&include=bogus';
    expect(specIssues({ method: 'GET', url: url(`/conversations/c_1/items${query}`) })).toEqual([
      'query limit: must be integer',
      'query order: must be equal to one of the allowed values',
      'query include/0: must be equal to one of the allowed values',
      'query colour: not a parameter',
    ]);
  });

  it('names an operation the spec does not have', () => {
    expect(specIssues({ method: 'DELETE', url: url('/chat/completions') })).toEqual([
      'the spec has no DELETE /chat/completions',
    ]);
  });
});

describe('specExample', () => {
  it('gives the example answer of an operation, parsed', () => {
    expect(specExample('DELETE', '/conversations/{conversation_id}')).toEqual({
      id: 'conv_123',
      object: 'conversation.deleted',
      deleted: true,
    });
  });
});
