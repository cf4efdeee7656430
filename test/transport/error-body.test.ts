import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { APIError, InternalServerError, NotFoundError } from '../../src/errors.js';
import { errorFromResponse, readErrorBody, snippet } from '../../src/transport/error-body.js';

describe('snippet', () => {
  it('collapses white space and trims', () => {
    expect(snippet('  a \n\n b\t c  ')).toBe('a b c');
  });

  it('keeps a text of 200 characters whole', () => {
    const text = 'x'.repeat(200);
    expect(snippet(text)).toBe(text);
  });

  it('cuts a longer text to 200 characters and an ellipsis, between two words', () => {
    const cut = snippet(`${'y '.repeat(125)}`);
    expect(cut).toBe(`${'y '.repeat(100)}…`);
  });

  it('drops the start of a word that the cut would split, so that no part of a key survives', () => {
    const key = 'sk-proj-0123456789abcdef';
    expect(snippet(`${'x'.repeat(180)} Bearer ${key} and more`)).toBe(
      `${'x'.repeat(180)} Bearer …`,
    );
    expect(snippet(`${'x'.repeat(250)}`)).toBe('…');
  });
});

describe('readErrorBody', () => {
  it('reads the OpenAI shape {error:{message,type,code,param}}', () => {
    const text = JSON.stringify({
      error: { message: 'Bad model', type: 'invalid_request_error', code: 'bad', param: 'model' },
    });
    expect(readErrorBody(text, 'application/json')).toEqual({
      body: { message: 'Bad model', type: 'invalid_request_error', code: 'bad', param: 'model' },
      serverMessage: 'Bad model',
      error: JSON.parse(text),
    });
  });

  it('keeps a numeric code as sent and drops fields of the wrong type', () => {
    const text = JSON.stringify({ error: { message: 'x', code: 7, type: 3, param: null } });
    expect(readErrorBody(text, '').body).toEqual({
      message: 'x',
      code: 7,
      type: undefined,
      param: undefined,
    });
  });

  it('reads {error:"text"}', () => {
    const parsed = readErrorBody('{"error":"No access"}', 'application/json');
    expect(parsed.serverMessage).toBe('No access');
    expect(parsed.body?.message).toBe('No access');
  });

  it('reads a top-level {message} or {detail}', () => {
    expect(readErrorBody('{"message":"Paused"}', '').serverMessage).toBe('Paused');
    expect(readErrorBody('{"detail":"Not found"}', '').serverMessage).toBe('Not found');
  });

  it('falls back to a snippet of other JSON', () => {
    const parsed = readErrorBody('{"errors":[{"reason":"x"}]}', 'application/json');
    expect(parsed.serverMessage).toBe('{"errors":[{"reason":"x"}]}');
    expect(parsed.error).toEqual({ errors: [{ reason: 'x' }] });
  });

  it('falls back to a snippet of JSON that is not an object', () => {
    expect(readErrorBody('"plain string"', '').serverMessage).toBe('"plain string"');
    expect(readErrorBody('[1,2]', '').error).toEqual([1, 2]);
  });

  it('reads plain text as a snippet and keeps the text as the error', () => {
    const parsed = readErrorBody('Service\n  unavailable', 'text/plain');
    expect(parsed).toEqual({
      body: undefined,
      serverMessage: 'Service unavailable',
      error: 'Service\n  unavailable',
    });
  });

  it('reads the words of an HTML page, without tags, scripts or styles', () => {
    const html =
      '<html><head><title>502 Bad Gateway</title><style>h1{x:y}</style></head>' +
      '<body><script>alert(1)</script><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const parsed = readErrorBody(html, 'text/html');
    expect(parsed.serverMessage).toBe('502 Bad Gateway nginx');
    expect(parsed.error).toBe(html);
  });

  it('puts the title first when the body text does not start with it', () => {
    const html =
      '<html><head><title>Oops</title></head><body><p>Try again later.</p></body></html>';
    expect(readErrorBody(html, '').serverMessage).toBe('Oops: Try again later.');
  });

  it('detects HTML without a content type, and decodes entities', () => {
    const html = '<!doctype html><body>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;&nbsp;e</body>';
    expect(readErrorBody(html, '').serverMessage).toBe(`a <b> & "c" 'd' e`);
  });

  it('cuts a long HTML page to a short snippet', () => {
    const html = `<html><body><p>${'word '.repeat(200)}</p></body></html>`;
    const words = readErrorBody(html, 'text/html').serverMessage ?? '';
    expect(words.length).toBeLessThanOrEqual(201);
    expect(words.endsWith('…')).toBe(true);
    expect(words).not.toContain('<');
  });

  it('reads an empty or blank body as nothing', () => {
    const nothing = { body: undefined, serverMessage: undefined, error: undefined };
    expect(readErrorBody('', 'application/json')).toEqual(nothing);
    expect(readErrorBody(' \n ', 'text/plain')).toEqual(nothing);
  });
});

describe('errorFromResponse', () => {
  it('builds the class of the status with the body and a copy of the headers', async () => {
    const response = HttpResponse.json(
      { error: { message: 'No such response', code: 'not_found' } },
      { status: 404, headers: { 'x-request-id': 'req_1' } },
    );
    const error = await errorFromResponse(response, { apiKey: undefined });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('404 No such response');
    expect(error.code).toBe('not_found');
    expect(error.requestId).toBe('req_1');
    expect(error.headers).not.toBe(response.headers);
  });

  it('still reports the status when the body breaks off', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"error":'));
        controller.error(new TypeError('terminated'));
      },
    });
    const error = await errorFromResponse(new HttpResponse(body, { status: 500 }), {
      apiKey: undefined,
    });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('500 status code (no body)');
  });

  it('makes a base APIError for a status without a class', async () => {
    const error = await errorFromResponse(new HttpResponse('I am a teapot', { status: 418 }), {
      apiKey: 'k',
    });
    expect(error.constructor).toBe(APIError);
    expect(error.message).toBe('418 I am a teapot');
  });
});
