/**
 * Content parts (what a message is made of) and the annotations on output text.
 * Input parts go into requests; output parts come back in `message` items and content events.
 */
import * as z from 'zod/mini';
import { catchAll, typesOf } from './shared.js';

/** A citation to an uploaded file. */
export const FileCitationSchema = z.looseObject({
  type: z.literal('file_citation'),
  /** The ID of the cited file. */
  file_id: z.string(),
  /** The filename of the cited file. */
  filename: z.optional(z.string()),
  /** The index of the file in the list of files. */
  index: z.number(),
});
/** A citation to a web page. */
export const UrlCitationSchema = z.looseObject({
  type: z.literal('url_citation'),
  /** The URL of the web resource. */
  url: z.string(),
  /** The title of the web resource. */
  title: z.optional(z.string()),
  /** Index of the first character of the citation in the text (xAI omits it). */
  start_index: z.optional(z.number()),
  /** Index of the last character of the citation in the text (xAI omits it). */
  end_index: z.optional(z.number()),
});
/** A citation to a file in a code interpreter container. */
export const ContainerFileCitationSchema = z.looseObject({
  type: z.literal('container_file_citation'),
  /** The ID of the container. */
  container_id: z.string(),
  /** The ID of the file. */
  file_id: z.string(),
  /** The filename of the cited file. */
  filename: z.optional(z.string()),
  /** Index of the first character of the citation in the text. */
  start_index: z.number(),
  /** Index of the last character of the citation in the text. */
  end_index: z.number(),
});
/** A path to a file the model produced. */
export const FilePathSchema = z.looseObject({
  type: z.literal('file_path'),
  /** The ID of the file. */
  file_id: z.string(),
  /** The index of the file in the list of files. */
  index: z.number(),
});

const knownAnnotations = [
  FileCitationSchema,
  UrlCitationSchema,
  ContainerFileCitationSchema,
  FilePathSchema,
] as const;
/** An annotation of a span of output text; unknown kinds pass through. */
export const AnnotationSchema = z.union([
  z.union([...knownAnnotations]),
  catchAll(() => typesOf(knownAnnotations)),
]);
/**
 * A note on a span of a reply's text (`ResponseOutputText.annotations`): a citation of a file, a
 * web page (`url_citation`, from web search) or a container file, or a path to a file the model
 * wrote. Kinds this client does not know pass through with their fields.
 */
export type Annotation = z.infer<typeof AnnotationSchema>;

/** The log probability of one token, with the most likely alternatives. */
export const LogProbSchema = z.looseObject({
  /** The token. */
  token: z.string(),
  /** Its log probability. */
  logprob: z.number(),
  /** UTF-8 bytes of the token, when sent. */
  bytes: z.optional(z.nullable(z.array(z.number()))),
  /** The most likely tokens at this position (up to 20). */
  top_logprobs: z.optional(z.array(z.looseObject({ token: z.string(), logprob: z.number() }))),
});
/**
 * The log probability of one token of the reply, with the most likely alternatives
 * (`top_logprobs`). Present on `output_text` parts when the request's `include` asks for
 * `message.output_text.logprobs`.
 */
export type LogProb = z.infer<typeof LogProbSchema>;

/** Text written by the model. */
export const OutputTextSchema = z.looseObject({
  type: z.literal('output_text'),
  /** The text. */
  text: z.string(),
  /** Citations and file paths within the text; some servers omit it. */
  annotations: z.optional(z.array(AnnotationSchema)),
  /** Token log probabilities, when requested with `include`. */
  logprobs: z.optional(z.nullable(z.array(LogProbSchema))),
});
/**
 * A text part of the model's message (`type: 'output_text'`): the `text`, its `annotations`
 * (citations), and `logprobs` when asked for. `response.output_text` joins these parts for you.
 */
export type ResponseOutputText = z.infer<typeof OutputTextSchema>;

/** The model declined to answer. */
export const RefusalSchema = z.looseObject({
  type: z.literal('refusal'),
  /** The refusal explanation. */
  refusal: z.string(),
});
/**
 * A refusal part of the model's message (`type: 'refusal'`): the model declined, and `refusal`
 * says why. With structured output, `output_parsed` is `null` in that case.
 */
export type ResponseOutputRefusal = z.infer<typeof RefusalSchema>;

/** Raw reasoning text from the model. */
export const ReasoningTextSchema = z.looseObject({
  type: z.literal('reasoning_text'),
  /** The reasoning text. */
  text: z.string(),
});
/**
 * A summary of the model's reasoning. Marked pure so that a bundler leaves it out of apps that
 * do not use `deepValidation` (this module is on everyone's path).
 */
export const SummaryTextSchema = /* @__PURE__ */ z.looseObject({
  type: /* @__PURE__ */ z.literal('summary_text'),
  /** The summary text. */
  text: /* @__PURE__ */ z.string(),
});

const knownOutputContent = [OutputTextSchema, RefusalSchema, ReasoningTextSchema] as const;
/** A part of an output message (or of a content event); unknown kinds pass through. */
export const OutputContentSchema = z.union([
  z.union([...knownOutputContent]),
  catchAll(() => typesOf(knownOutputContent)),
]);
/**
 * A part of the model's message (`ResponseOutputMessage.content`, and the `part` of content part
 * events): text, a refusal, or reasoning text. Kinds this client does not know pass through.
 */
export type ResponseOutputContent = z.infer<typeof OutputContentSchema>;

/** How much detail the model sees in an image. */
export const ImageDetailSchema = z.literal(['low', 'high', 'auto', 'original']);

/** Text given to the model. */
export const InputTextSchema = z.looseObject({
  type: z.literal('input_text'),
  /** The text. */
  text: z.string(),
});
/** An image given to the model, by URL (or data URL) or uploaded file ID. */
export const InputImageSchema = z.looseObject({
  type: z.literal('input_image'),
  /** A fully qualified URL or a base64 data URL. */
  image_url: z.optional(z.nullable(z.string())),
  /** The ID of an uploaded file. */
  file_id: z.optional(z.nullable(z.string())),
  /** Detail level: `low`, `high`, `auto` (default) or `original`. */
  detail: z.optional(ImageDetailSchema),
});
/** A file given to the model, by ID, URL or inline data. */
export const InputFileSchema = z.looseObject({
  type: z.literal('input_file'),
  /** The ID of an uploaded file. */
  file_id: z.optional(z.nullable(z.string())),
  /** The file name. */
  filename: z.optional(z.string()),
  /** The file content, base64 encoded. */
  file_data: z.optional(z.string()),
  /** The URL of the file. */
  file_url: z.optional(z.string()),
  /** Detail level for the file: `auto`, `low` or `high`. */
  detail: z.optional(z.string()),
});
/** Audio given to the model. */
export const InputAudioSchema = z.looseObject({
  type: z.literal('input_audio'),
  /** The audio data and its format. */
  input_audio: z.looseObject({
    /** Base64 audio data. */
    data: z.string(),
    /** `mp3` or `wav`. */
    format: z.literal(['mp3', 'wav']),
  }),
});
/** A video given to the model (OpenResponses). */
export const InputVideoSchema = z.looseObject({
  type: z.literal('input_video'),
  /** A URL or base64 data URL of the video. */
  video_url: z.string(),
});

/** A part of an input message. */
export const InputContentSchema = z.union([
  InputTextSchema,
  InputImageSchema,
  InputFileSchema,
  InputAudioSchema,
  InputVideoSchema,
]);
/**
 * A part of a message you send: text, an image, a file, audio, or a video (OpenResponses). Also
 * what a tool's output may be made of, besides a plain string.
 */
export type ResponseInputContent = z.infer<typeof InputContentSchema>;

/** One command's output from the shell tool. */
export const ShellOutputContentSchema = z.looseObject({
  /** Standard output. */
  stdout: z.string(),
  /** Standard error. */
  stderr: z.string(),
  /** `{ type: 'exit', exit_code }` or `{ type: 'timeout' }`. */
  outcome: z.looseObject({ type: z.string(), exit_code: z.optional(z.number()) }),
});
