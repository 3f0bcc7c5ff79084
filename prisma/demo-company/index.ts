// PLACEHOLDER — being written by a helper: applyDemoCompanySchema + seedDemoCompany.
export async function applyDemoCompanySchema(_databaseUrl: string): Promise<void> {}
