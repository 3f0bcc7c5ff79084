import NextAuth from "next-auth";
import { authConfig } from "./config";

// Lazy: the configuration (and its secret) is read on the first request, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
