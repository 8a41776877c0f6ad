/**
 * How recorded histories are stored: the protobuf message as plain JSON (64-bit integers and enums as
 * text, bytes base64), read back with `History.fromObject`. Not the SDK's historyToJSON: with protobufjs 7
 * hoisted for gRPC, its copy of protobufjs 8 is not the one @temporalio/proto was built with, and it
 * refuses the History type.
 */
import proto from '@temporalio/proto';

const { History } = proto.temporal.api.history.v1;
type HistoryMessage = Parameters<typeof History.toObject>[0];

export const historyToText = (history: unknown): string => JSON.stringify(History.toObject(history as HistoryMessage, { longs: String, enums: String, bytes: String }));

export const historyFromText = (text: string): HistoryMessage => History.fromObject(JSON.parse(text));
