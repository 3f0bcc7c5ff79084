// PLACEHOLDER — being written by a helper: applyDemoCompanySchema + seedDemoCompany.
export async function applyDemoCompanySchema(_databaseUrl: string): Promise<void> {}
export async function seedDemoCompany(_databaseUrl: string, _options?: { activityRows?: number; log?: (line: string) => void }): Promise<Record<string, unknown>> {
  return {};
}
