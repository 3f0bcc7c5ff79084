/** A form field's first problem, under the field; the field points at it with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-2 text-sm text-red-700">
      {messages[0]}
    </p>
  );
}
