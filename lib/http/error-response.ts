import { NextResponse } from "next/server";
import { errorAnswer, type JsonAnswer } from "./json-answer";

/** An error as a route handler's response: status, localised JSON, Retry-After (worked out in ./json-answer.ts). */
export function errorResponse(error: unknown, request: Request): NextResponse {
  return toNextResponse(errorAnswer(error, request.headers.get("accept-language")));
}

/** A JSON answer (./json-answer.ts) as a route handler returns it. */
export function toNextResponse(answer: JsonAnswer): NextResponse {
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}
