import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/sign-in/actions";

/** A plain form: signing out works without JavaScript, and ends the session on the server. */
export async function SignOutButton() {
  const t = await getTranslations("dashboard");
  return (
    <form action={signOutAction} className="sign-out">
      <button type="submit" className="link-button">
        {t("signOut")}
      </button>
    </form>
  );
}
