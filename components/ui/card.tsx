import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 ${className}`} {...props} />;
}
