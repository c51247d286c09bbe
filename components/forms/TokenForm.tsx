/** A one-button form that posts a link's token to a server action; works without JavaScript. */
export function TokenForm(props: { action: (formData: FormData) => Promise<void>; token: string; className?: string; children: React.ReactNode }) {
  return (
    <form action={props.action}>
      <input type="hidden" name="token" value={props.token} />
      <button type="submit" className={props.className ?? "button"}>
        {props.children}
      </button>
    </form>
  );
}
