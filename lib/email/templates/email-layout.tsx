import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { portalAddress } from "@/lib/http/portal-url";
import { translator } from "@/lib/i18n/translator";

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", margin: 0 },
  container: {
    backgroundColor: "#ffffff",
    margin: "24px auto",
    padding: "32px",
    maxWidth: "560px",
    borderRadius: "8px",
  },
  footer: { color: "#71717a", fontSize: "12px", lineHeight: "18px" },
  logo: { display: "block", margin: "0 0 24px", borderRadius: "8px" },
};

// A PNG at an absolute URL: a mail client has no base URL, and Gmail and Outlook show no SVG.
const logoUrl = () => portalAddress("/logo-email.png");

type LayoutProps = {
  preview: string;
  companyName: string;
  locale: string;
  children: ReactNode;
  /** The footer's message key, for an email whose reader did not make the request themselves. */
  footerKey?: "email.footer" | "email.subjectInformed.footer";
};

export function EmailLayout(props: LayoutProps) {
  const t = translator(props.locale);
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Img src={logoUrl()} width="48" height="48" alt={props.companyName} style={styles.logo} />
          <Section>{props.children}</Section>
          <Hr />
          <Text style={styles.footer}>{t(props.footerKey ?? "email.footer", { company: props.companyName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailStyles = {
  heading: { fontSize: "22px", fontWeight: 600, color: "#18181b", margin: "0 0 16px" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#27272a" },
  button: {
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    padding: "12px 20px",
    borderRadius: "6px",
    fontWeight: 600,
    textDecoration: "none",
    display: "inline-block",
  },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#52525b" },
};

/** Emails to staff are in English, as the staff console is (a company setting for later). */
export const STAFF_LOCALE = "en";
