import { db } from "@/lib/db/client";

/** An uploaded image (logo, favicon, cover), from the database: every instance serves the same. Never changes once stored. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[a-z0-9]{20,40}$/.test(id)) return new Response(null, { status: 404 });
  const asset = await db.asset.findUnique({ where: { id }, select: { contentType: true, bytes: true } });
  if (!asset) return new Response(null, { status: 404 });
  return new Response(Buffer.from(asset.bytes), {
    headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}
