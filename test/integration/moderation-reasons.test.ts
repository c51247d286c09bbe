import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { listModerationQueue } from "@/lib/comments/list-moderation-queue";
import { postComment } from "@/lib/comments/post-comment";
import { createDatabase } from "@/lib/db/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { createComment, createEvent, createHost, trustedBrowser } from "../factories";

const db = createDatabase();
let host: Actor;
let slug: string;
let eventId: string;
let ipCounter = 0;

beforeAll(async () => {
  host = await createHost(db);
  const event = await createEvent(db);
  slug = event.slug;
  eventId = event.id;
});

/** Posts `body` as a reader whose browser a host trusted for their address, unless `trusted` is false. */
async function post(body: string, { trusted = true } = {}) {
  const authorEmail = `lecteur-${++ipCounter}@example.org`;
  const commenterKey = trusted ? await trustedBrowser(db, authorEmail) : undefined;
  return postComment({
    db,
    eventSlug: slug,
    input: { authorName: "Camille", authorEmail, body },
    client: { ip: `203.0.113.${ipCounter}`, commenterKey },
  });
}

async function inQueue(id: string, status: CommentStatus) {
  const queue = await listModerationQueue({ db, actor: host, status });
  return queue.comments.find((comment) => comment.id === id);
}

describe("the moderation queue tells hosts why", () => {
  it("a first comment from an address not yet trusted in this browser was held", async () => {
    const posted = await post("Merci pour la soirée, et voici https://a.example et https://b.example", { trusted: false });
    expect(posted.status).toBe("PENDING");
    expect(await inQueue(posted.id, "PENDING")).toMatchObject({ moderationReason: { code: "unknownAuthor" }, recapCues: [] });
  });

  it("a trusted reader's comment with two links was held, and how many links it has", async () => {
    const posted = await post("Mes notes : https://a.example et [la suite](https://b.example)");
    expect(posted.status).toBe("PENDING");
    expect((await inQueue(posted.id, "PENDING"))?.moderationReason).toEqual({ code: "links", count: 2 });
  });

  it("a trusted reader's comment with a hold word was held, and which word", async () => {
    const posted = await post("Rendez-vous au Casino pour la suite ?");
    expect(posted.status).toBe("PENDING");
    expect((await inQueue(posted.id, "PENDING"))?.moderationReason).toEqual({ code: "holdWord", word: "casino" });
  });

  it("a comment with a reject word was rejected, and which word", async () => {
    const posted = await post("Buy followers here");
    expect(posted.status).toBe("REJECTED");
    expect((await inQueue(posted.id, "REJECTED"))?.moderationReason).toEqual({ code: "rejectWord", word: "buy followers" });
  });

  it("a trusted reader's plain comment was published at once", async () => {
    const posted = await post("Très belle soirée, merci !");
    expect(posted.status).toBe("APPROVED");
    expect(await inQueue(posted.id, "APPROVED")).toMatchObject({ moderationReason: { code: "trusted" }, recapCues: [] });
  });

  it("a comment was flagged as asking for the recap, with the words that show it", async () => {
    const posted = await post("Y a-t-il un compte rendu ? Je n'ai pas pu venir.", { trusted: false });
    expect(posted.asksForRecap).toBe(true);
    expect(await inQueue(posted.id, "PENDING")).toMatchObject({
      asksForRecap: true,
      recapCues: ["compte rendu", "y a-t-il", "?", "pas pu venir"],
      moderationReason: { code: "unknownAuthor" },
    });
  });

  it("but says nothing for comments stored without a reason (imported, or older)", async () => {
    const imported = await createComment(db, eventId, { status: "PENDING", body: "Le compte rendu ?" });
    await db.comment.update({ where: { id: imported.id }, data: { asksForRecap: true } });
    expect(await inQueue(imported.id, "PENDING")).toMatchObject({ asksForRecap: true, moderationReason: null, recapCues: [] });
  });
});
