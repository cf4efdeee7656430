/** What the dialect and conversation tests script on the fake server (responses-client/testing). */

/** The reply of Karta's curl example, which the tests script unless they say otherwise. */
export const REPLY = "We've got Sunrise, Midnight, and Decaf Dusk. ☕";

/** The words it streams: eight deltas. */
export const REPLY_WORDS = [
  "We've ",
  'got ',
  'Sunrise, ',
  'Midnight, ',
  'and ',
  'Decaf ',
  'Dusk. ',
  '☕',
];
