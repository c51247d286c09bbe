"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

type Report = Partial<Record<"PENDING" | "CLAIMED" | "SENDING" | "SENT" | "FAILED" | "AMBIGUOUS" | "CANCELLED", number>>;
type Preparing = { done: number; total: number } | null;
const ORDER = ["SENT", "PENDING", "CLAIMED", "SENDING", "FAILED", "AMBIGUOUS", "CANCELLED"] as const;

/**
 * The publication's progress: the e-mails being prepared (the fan-out), then sent, per delivery status,
 * refreshed every second while anything is still being prepared or queued.
 */
export function DeliveryProgress({ eventSlug, initial, preparing: initialPreparing }: { eventSlug: string; initial: Report; preparing: Preparing }) {
  const t = useTranslations("dashboard");
  const [{ report, preparing }, setState] = useState({ report: initial, preparing: initialPreparing });
  const inFlight = (report.PENDING ?? 0) + (report.CLAIMED ?? 0) + (report.SENDING ?? 0);
  const sendable = ORDER.filter((status) => status !== "CANCELLED").reduce((sum, status) => sum + (report[status] ?? 0), 0);
  // While the fan-out runs, the total is everyone the publication will mail.
  const total = Math.max(sendable, preparing ? sendable - inFlight + preparing.total : 0);
  const done = sendable - inFlight;
  const active = inFlight > 0 || preparing !== null;

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/dashboard/events/${eventSlug}/delivery`, { cache: "no-store" });
      if (response.ok) setState(await response.json());
    }, 1000);
    return () => clearInterval(timer);
  }, [eventSlug, active]);

  if (total === 0 && !report.CANCELLED) return null;
  return (
    <div>
      {total > 0 && (
        <progress className="delivery-progress" max={total} value={done} aria-label={t("delivery")}>
          {done}/{total}
        </progress>
      )}
      <ul className="delivery-report">
        {ORDER.filter((status) => report[status]).map((status) => (
          <li key={status} data-status={status}>
            {t("statusCount", { status: t(`mailStatus${status}`), count: report[status] ?? 0 })}
          </li>
        ))}
      </ul>
    </div>
  );
}
