/** Size caps, shared by the schema, the form's maxLength attributes and the tests. */
export const COMMENT_LIMITS = { authorName: 100, authorEmail: 254, authorUrl: 200, body: 5000 } as const;
