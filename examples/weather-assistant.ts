import type { ResponseInputItem, ResponseStream, ResponsesClient } from 'responses-client';

/** The one tool this assistant offers the model. */
const tools = [
  {
    type: 'function' as const,
    name: 'get_weather',
    description: 'The current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
    strict: true,
  },
];

/** Our own weather service (a stand-in). */
export function getWeather(city: string) {
  return { city, temperature: city === 'Oslo' ? '-3°C' : '12°C' };
}

/**
 * Answers a question, streaming the text to `show` as it comes, and running the model's
 * `get_weather` calls until it answers in words (three rounds at most).
 */
export async function askWeather(
  client: ResponsesClient,
  question: string,
  show: (text: string) => void,
): Promise<string> {
  let input: string | ResponseInputItem[] = question;
  let previous: string | undefined;
  for (let round = 0; round < 3; round++) {
    const stream: ResponseStream = await client.responses.create({
      model: 'gpt-5-mini',
      input,
      tools,
      previous_response_id: previous,
      stream: true,
    });
    for await (const text of stream.textDeltas()) show(text);
    const response = await stream.finalResponse();
    const calls = response.output.flatMap((item) => (item.type === 'function_call' ? [item] : []));
    if (calls.length === 0) return response.output_text;
    previous = response.id;
    input = calls.map((call) => ({
      type: 'function_call_output' as const,
      call_id: call.call_id,
      output: JSON.stringify(getWeather(JSON.parse(call.arguments).city)),
    }));
  }
  throw new Error('The model kept calling tools.');
}
