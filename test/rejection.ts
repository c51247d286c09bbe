import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The AppError a use case refused with (fails the test if it resolved or threw something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
