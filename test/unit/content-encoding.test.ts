import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipFrame, gzipWithin } from "@/lib/http/content-encoding";

describe("a gzip page compressed around its middle", () => {
  it("decodes, as any gzip reader does, to the beginning, the middle and the end in order", async () => {
    // Larger than deflate's 32 KiB window on each side, with text outside ASCII and repeats across the parts.
    const before = `<html lang="fr"><body>${"<p>Début — café, naïveté.</p>".repeat(2_000)}`;
    const after = `${"<script>self.__next_f.push([1,'Épilogue'])</script>".repeat(1_500)}</body></html>`;
    const frame = gzipFrame(before, after);
    // Nothing after the middle is a page too.
    expect(gunzipSync(await gzipWithin(gzipFrame(before, ""), "<p>fin</p>")).toString("utf8")).toBe(`${before}<p>fin</p>`);
    for (const middle of ["", "<ol><li>Martin</li></ol>", "<li>Réponse en attente 🙂</li>".repeat(3_000)]) {
      const body = await gzipWithin(frame, middle);
      expect(gunzipSync(body).toString("utf8")).toBe(before + middle + after);
      // Compressed: the parts were not merely stored.
      expect(body.length).toBeLessThan(Buffer.byteLength(before + middle + after) / 10);
    }
  });
});
