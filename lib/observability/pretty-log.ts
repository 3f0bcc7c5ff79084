import pretty, { type PrettyOptions } from "pino-pretty";

// LOG_FORMAT=pretty (the default under `npm run dev`): one line per event, for the person at the
// terminal. pino-pretty's default puts every field on a line of its own, so one workflow step took
// eight lines and one export ~150. The process leads the line; the other fields follow as JSON.
// The JSON format (production, log shippers) is untouched.
export const PRETTY_OPTIONS: PrettyOptions = {
  sync: true,
  singleLine: true,
  ignore: "pid,hostname,process",
  messageFormat: "{if process}[{process}] {end}{msg}",
  translateTime: "SYS:HH:MM:ss.l",
};

export function prettyStream(destination: PrettyOptions["destination"], colorize: boolean) {
  return pretty({ ...PRETTY_OPTIONS, colorize, destination });
}
