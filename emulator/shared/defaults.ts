/**
 * Fixed fake identities of the emulator. They are printed by the CLI and used by tests and examples; none of
 * them is valid anywhere but on 127.0.0.1.
 */

export interface AccessKeyCredential {
  accessKey: string;
  secretKey: string;
  /** Set for temporary (STS) keys: requests must then carry a matching, signed `X-Security-Token`. */
  securityToken?: string;
}

export interface IamUser {
  name: string;
  password: string;
  domainName: string;
}

export interface EmulatorCredentials {
  accessKeys: AccessKeyCredential[];
  users: IamUser[];
  /** Tokens accepted as `X-Auth-Token` without asking IAM; scoped to the emulator's project, never expiring. */
  tokens: string[];
}

export const DEFAULT_ACCESS_KEY = "EMULATORACCESSKEY000";
export const DEFAULT_SECRET_KEY = "EmulatorSecretKey00000000000000000000000";
export const DEFAULT_PROJECT_ID = "0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7";
export const DEFAULT_REGION = "cn-north-4";
export const DEFAULT_USER: IamUser = {
  name: "emulator-user",
  password: "emulator-password",
  domainName: "emulator-domain",
};
export const DEFAULT_USER_ID = "f3779708b547462dbca12a70555d0690";
export const DEFAULT_DOMAIN_ID = "7d2ab1b5d3f84a0c9a0e2f3b4c5d6e7f";

export const DEFAULT_CREDENTIALS: EmulatorCredentials = {
  accessKeys: [{ accessKey: DEFAULT_ACCESS_KEY, secretKey: DEFAULT_SECRET_KEY }],
  users: [DEFAULT_USER],
  tokens: [],
};

/**
 * The OBS AK/SK every instance returns in `spec.credential` [demanager §5, Table 19]. Tests search Pulumi state and
 * logs for these values: the provider must never keep them.
 */
export const FAKE_OBS_CREDENTIAL = {
  access_key: "OBSFAKEACCESSKEY0001",
  secret_key: "ObsFakeSecretKey00000000000000000000XYZW",
} as const;

/** The Git token inside `repository.connection_info.credential.access_token` [demanager §5]; also must never be stored. */
export const FAKE_REPOSITORY_ACCESS_TOKEN = "ghp_EmulatorFakeRepositoryAccessToken0001";

/**
 * The `token` every notebook (v2) returns ([notebooks §3]: "token used for notebook auth"). Rendered
 * when a response is built, never written to the state file; tests search Pulumi state and logs for it.
 */
export const FAKE_NOTEBOOK_TOKEN = "fa4e70c3-0000-4e00-8000-notebook7oken";
