// Generated from /api/openapi.json by `npm run gen:api-types`; do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reachability of the database and Temporal (503 when either is down) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Both reachable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "degraded";
                            /** @enum {string} */
                            db: "ok" | "down";
                            /** @enum {string} */
                            temporal: "ok" | "down";
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description One is down */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "degraded";
                            /** @enum {string} */
                            db: "ok" | "down";
                            /** @enum {string} */
                            temporal: "ok" | "down";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users with their status (active, disabled, revoked) and how they sign in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "admin" | "coordinator" | "agency" | "viewer";
                                agencyCode: string | null;
                                /** @enum {string} */
                                language: "vi" | "en";
                                /**
                                 * @description `disabled` wins over `revoked`: a disabled account is refused whatever its credentials
                                 * @enum {string}
                                 */
                                status: "active" | "disabled" | "revoked";
                                disabledAt: string | null;
                                revokedAt: string | null;
                                provinceAccount: boolean;
                                lastSignInAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user; the token is returned once and stored only as a hash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "coordinator" | "agency" | "viewer";
                        agencyCode?: string;
                        /**
                         * @default vi
                         * @enum {string}
                         */
                        language?: "vi" | "en";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            token: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "coordinator" | "agency" | "viewer";
                            agencyCode: string | null;
                            /** @enum {string} */
                            language: "vi" | "en";
                            /**
                             * @description `disabled` wins over `revoked`: a disabled account is refused whatever its credentials
                             * @enum {string}
                             */
                            status: "active" | "disabled" | "revoked";
                            disabledAt: string | null;
                            revokedAt: string | null;
                            provinceAccount: boolean;
                            lastSignInAt: string | null;
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account: its token and sessions are refused at once, its sessions end; its token is kept for a later enable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "coordinator" | "agency" | "viewer";
                            agencyCode: string | null;
                            /** @enum {string} */
                            language: "vi" | "en";
                            /**
                             * @description `disabled` wins over `revoked`: a disabled account is refused whatever its credentials
                             * @enum {string}
                             */
                            status: "active" | "disabled" | "revoked";
                            disabledAt: string | null;
                            revokedAt: string | null;
                            provinceAccount: boolean;
                            lastSignInAt: string | null;
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Your own account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled account again (its personal token works as before) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "coordinator" | "agency" | "viewer";
                            agencyCode: string | null;
                            /** @enum {string} */
                            language: "vi" | "en";
                            /**
                             * @description `disabled` wins over `revoked`: a disabled account is refused whatever its credentials
                             * @enum {string}
                             */
                            status: "active" | "disabled" | "revoked";
                            disabledAt: string | null;
                            revokedAt: string | null;
                            provinceAccount: boolean;
                            lastSignInAt: string | null;
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a user's personal token: the new one is returned once, the old one is refused from now on; lifts a revocation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new token and the user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The new token, shown this once */
                            token: string;
                            user: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "admin" | "coordinator" | "agency" | "viewer";
                                agencyCode: string | null;
                                /** @enum {string} */
                                language: "vi" | "en";
                                /**
                                 * @description `disabled` wins over `revoked`: a disabled account is refused whatever its credentials
                                 * @enum {string}
                                 */
                                status: "active" | "disabled" | "revoked";
                                disabledAt: string | null;
                                revokedAt: string | null;
                                provinceAccount: boolean;
                                lastSignInAt: string | null;
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Revoke every credential of a user (personal token, sessions); nothing signs them in until a new token is issued */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "coordinator" | "agency" | "viewer";
                            agencyCode: string | null;
                            /** @enum {string} */
                            language: "vi" | "en";
                            /**
                             * @description `disabled` wins over `revoked`: a disabled account is refused whatever its credentials
                             * @enum {string}
                             */
                            status: "active" | "disabled" | "revoked";
                            disabledAt: string | null;
                            revokedAt: string | null;
                            provinceAccount: boolean;
                            lastSignInAt: string | null;
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Your own account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/sign-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-click sign-in link for the user, to hand over: valid 24 hours, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The link */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description The account is disabled or revoked */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "coordinator" | "agency" | "viewer";
                            agencyCode: string | null;
                            /** @enum {string} */
                            language: "vi" | "en";
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate your own personal token: the new one is returned once, the old one is refused from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plans with their task counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Plans */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                title: string;
                                documentNumber: string;
                                issuer: string;
                                issuedOn: string;
                                periodStart: string;
                                periodEnd: string;
                                coordinatorAgencyCode: string;
                                settings: {
                                    reminders?: {
                                        ackReminderWorkingDays?: number;
                                        ackEscalationWorkingDays?: number;
                                        dueReminderWorkingDays?: number[];
                                        overdueNoticeEveryDays?: number;
                                        overdueEscalationDays?: number;
                                        sendHour?: number;
                                    };
                                    report?: {
                                        requestOn?: string;
                                        dueOn?: string;
                                    };
                                    escalation?: {
                                        leadershipUserIds?: string[];
                                    };
                                };
                                /** @enum {string} */
                                status: "active" | "closed";
                                counts: {
                                    total: number;
                                    open: number;
                                    completed: number;
                                    overdue: number;
                                };
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a plan (kế hoạch / quyết định) with its reminder and report settings */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        title: string;
                        documentNumber: string;
                        /** @default UBND tỉnh */
                        issuer?: string;
                        issuedOn: string;
                        periodStart: string;
                        periodEnd: string;
                        coordinatorAgencyCode: string;
                        /** @default {} */
                        settings?: {
                            reminders?: {
                                ackReminderWorkingDays?: number;
                                ackEscalationWorkingDays?: number;
                                dueReminderWorkingDays?: number[];
                                overdueNoticeEveryDays?: number;
                                overdueEscalationDays?: number;
                                sendHour?: number;
                            };
                            report?: {
                                requestOn?: string;
                                dueOn?: string;
                            };
                            escalation?: {
                                leadershipUserIds?: string[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                            documentNumber: string;
                            issuer: string;
                            issuedOn: string;
                            periodStart: string;
                            periodEnd: string;
                            coordinatorAgencyCode: string;
                            settings: {
                                reminders?: {
                                    ackReminderWorkingDays?: number;
                                    ackEscalationWorkingDays?: number;
                                    dueReminderWorkingDays?: number[];
                                    overdueNoticeEveryDays?: number;
                                    overdueEscalationDays?: number;
                                    sendHour?: number;
                                };
                                report?: {
                                    requestOn?: string;
                                    dueOn?: string;
                                };
                                escalation?: {
                                    leadershipUserIds?: string[];
                                };
                            };
                            /** @enum {string} */
                            status: "active" | "closed";
                            counts: {
                                total: number;
                                open: number;
                                completed: number;
                                overdue: number;
                            };
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan with its task counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The plan */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                            documentNumber: string;
                            issuer: string;
                            issuedOn: string;
                            periodStart: string;
                            periodEnd: string;
                            coordinatorAgencyCode: string;
                            settings: {
                                reminders?: {
                                    ackReminderWorkingDays?: number;
                                    ackEscalationWorkingDays?: number;
                                    dueReminderWorkingDays?: number[];
                                    overdueNoticeEveryDays?: number;
                                    overdueEscalationDays?: number;
                                    sendHour?: number;
                                };
                                report?: {
                                    requestOn?: string;
                                    dueOn?: string;
                                };
                                escalation?: {
                                    leadershipUserIds?: string[];
                                };
                            };
                            /** @enum {string} */
                            status: "active" | "closed";
                            counts: {
                                total: number;
                                open: number;
                                completed: number;
                                overdue: number;
                            };
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a plan's title, settings or status. New reminder settings reach every open task of the plan (it re-plans its reminders from now on), the report days move the Schedule, escalations go to the leadership accounts the settings name; closing removes the Schedule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        issuer?: string;
                        settings?: {
                            reminders?: {
                                ackReminderWorkingDays?: number;
                                ackEscalationWorkingDays?: number;
                                dueReminderWorkingDays?: number[];
                                overdueNoticeEveryDays?: number;
                                overdueEscalationDays?: number;
                                sendHour?: number;
                            };
                            report?: {
                                requestOn?: string;
                                dueOn?: string;
                            };
                            escalation?: {
                                leadershipUserIds?: string[];
                            };
                        };
                        /** @enum {string} */
                        status?: "active" | "closed";
                    };
                };
            };
            responses: {
                /** @description The plan */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            code: string;
                            title: string;
                            documentNumber: string;
                            issuer: string;
                            issuedOn: string;
                            periodStart: string;
                            periodEnd: string;
                            coordinatorAgencyCode: string;
                            settings: {
                                reminders?: {
                                    ackReminderWorkingDays?: number;
                                    ackEscalationWorkingDays?: number;
                                    dueReminderWorkingDays?: number[];
                                    overdueNoticeEveryDays?: number;
                                    overdueEscalationDays?: number;
                                    sendHour?: number;
                                };
                                report?: {
                                    requestOn?: string;
                                    dueOn?: string;
                                };
                                escalation?: {
                                    leadershipUserIds?: string[];
                                };
                            };
                            /** @enum {string} */
                            status: "active" | "closed";
                            counts: {
                                total: number;
                                open: number;
                                completed: number;
                                overdue: number;
                            };
                            createdAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/plans/{id}/leadership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The leadership (viewer) accounts that may receive the plan's escalations, and whether the plan names each (none named: all receive them) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Leadership accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                chosen: boolean;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Unknown plan */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live statistics of a plan per lead agency and in total: tasks, open, completed, completed on time, overdue and on-time rate (completed on time / (completed + open overdue), null when nothing is completed or overdue yet). Group parents are not counted, cancelled tasks only in `cancelled`. */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Statistics */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            planId: string;
                            asOf: string;
                            totals: {
                                total: number;
                                open: number;
                                completed: number;
                                completedOnTime: number;
                                completedLate: number;
                                inProgressOnTime: number;
                                overdue: number;
                                notStarted: number;
                                /** @description completedOnTime / (completed + overdue); null when that is 0 */
                                onTimeRate: number | null;
                                cancelled: number;
                            };
                            agencies: {
                                agencyCode: string;
                                agencyName: string;
                                total: number;
                                open: number;
                                completed: number;
                                completedOnTime: number;
                                completedLate: number;
                                inProgressOnTime: number;
                                overdue: number;
                                notStarted: number;
                                /** @description completedOnTime / (completed + overdue); null when that is 0 */
                                onTimeRate: number | null;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Unknown plan */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolve the agency names of one cell ("Sở TTTT, UBND các huyện, thành phố") against the directory */
        get: {
            parameters: {
                query: {
                    name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Agencies found, vague phrases, and names not found with suggestions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencies: {
                                code: string;
                                name: string;
                                /** @enum {string} */
                                kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                                members: string[];
                                active: boolean;
                                text: string;
                            }[];
                            vague: string[];
                            unresolved: {
                                text: string;
                                suggestions: string[];
                            }[];
                            parts: {
                                text: string;
                                /** @description The level label the cell puts the name under, e.g. "Cấp tỉnh" */
                                level?: string;
                                /** @enum {string} */
                                status: "agency" | "vague" | "unresolved";
                                code?: string;
                                /** @description The number of agencies written with the name, e.g. "19" */
                                count?: string;
                                /** @description For a group: its members in the directory */
                                memberCount?: number;
                            }[];
                            notes: {
                                /** @enum {string} */
                                severity: "warning";
                                text: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency directory, optionally of one kind or matching a text (accents ignored) */
        get: {
            parameters: {
                query?: {
                    kind?: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Agencies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                shortName: string;
                                /** @enum {string} */
                                kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                                parentCode: string | null;
                                emails: string[];
                                /** @enum {string} */
                                language: "vi" | "en";
                                active: boolean;
                                mergedInto: string | null;
                                mergedOn: string | null;
                                aliases: string[];
                                formerNames: {
                                    name: string;
                                    until: string;
                                }[];
                                members: string[];
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an agency (or a group with its members) to the directory */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        shortName?: string;
                        /** @default [] */
                        aliases?: string[];
                        /** @enum {string} */
                        kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                        parentCode?: string | null;
                        /** @default [] */
                        emails?: string[];
                        /**
                         * @default vi
                         * @enum {string}
                         */
                        language?: "vi" | "en";
                        members?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            shortName: string;
                            /** @enum {string} */
                            kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                            parentCode: string | null;
                            emails: string[];
                            /** @enum {string} */
                            language: "vi" | "en";
                            active: boolean;
                            mergedInto: string | null;
                            mergedOn: string | null;
                            aliases: string[];
                            formerNames: {
                                name: string;
                                until: string;
                            }[];
                            members: string[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description The code, or one of the names, is already used by another agency */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid data, unknown parentCode or member */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agencies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agency with its aliases and, for a group, its members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agency */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            shortName: string;
                            /** @enum {string} */
                            kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                            parentCode: string | null;
                            emails: string[];
                            /** @enum {string} */
                            language: "vi" | "en";
                            active: boolean;
                            mergedInto: string | null;
                            mergedOn: string | null;
                            aliases: string[];
                            formerNames: {
                                name: string;
                                until: string;
                            }[];
                            members: string[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Unknown code */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an agency; aliases, emails and members given replace the whole list. A changed name is kept as a former name (until the day before `renamedOn`); a group's open tasks get a child for every member that has none */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: unknown;
                        name?: string;
                        shortName?: string;
                        aliases?: string[];
                        /** @enum {string} */
                        kind?: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                        parentCode?: string | null;
                        emails?: string[];
                        /** @enum {string} */
                        language?: "vi" | "en";
                        members?: string[];
                        active?: boolean;
                        renamedOn?: string;
                    };
                };
            };
            responses: {
                /** @description The agency as it is now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            shortName: string;
                            /** @enum {string} */
                            kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                            parentCode: string | null;
                            emails: string[];
                            /** @enum {string} */
                            language: "vi" | "en";
                            active: boolean;
                            mergedInto: string | null;
                            mergedOn: string | null;
                            aliases: string[];
                            formerNames: {
                                name: string;
                                until: string;
                            }[];
                            members: string[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Unknown code */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A name is already used by another agency */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid data, unknown parentCode or member */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/agencies/{code}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge an agency into its successor: its open tasks (as lead or coordinating) pass to the successor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        into: string;
                        effectiveDate: string;
                    };
                };
            };
            responses: {
                /** @description Merged in the directory; the open tasks are being handed over */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            into: string;
                            openTasks: number;
                            workflowId: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year's holidays and days off other than plain weekends (law, government notices, amendments), and its weekend days worked */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The days, by date */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            items: {
                                date: string;
                                /** @enum {string} */
                                kind: "holiday" | "off" | "work";
                                name: string;
                                /** @enum {string} */
                                source: "law" | "decree" | "admin";
                                document?: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Amend the calendar: make a date a day off or a working day (replaces any earlier amendment of that date) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        date: string;
                        /** @enum {string} */
                        kind: "off" | "work";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description The amendment */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            /** @enum {string} */
                            kind: "off" | "work";
                            name: string;
                            /** @enum {string} */
                            source: "admin";
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/holidays/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an administrator's amendment; the date falls back to the law and the government notices */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    date: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a task; a group lead fans out into one child task per member agency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        leadAgency: string;
                        /** @default [] */
                        coordinatingAgencies?: string[];
                        startDate?: string;
                        dueDate: string;
                        /**
                         * @default new
                         * @enum {string}
                         */
                        kind?: "new" | "carried_over" | "recurring";
                        funding?: {
                            text?: string;
                            /** @default [] */
                            sources?: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                            amounts?: {
                                recurrent?: number;
                                investment?: number;
                                total?: number;
                            };
                        };
                        section?: string;
                        number?: string;
                        description?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Created, its workflow started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            children: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                planId: string;
                                /** Format: uuid */
                                parentId: string | null;
                                isGroup: boolean;
                                number: string | null;
                                sectionCode: string | null;
                                section: string | null;
                                title: string;
                                description: string | null;
                                leadAgency: string;
                                leadAgencyName: string | null;
                                leadAgencyText: string | null;
                                coordinatingAgencies: string[];
                                /** @enum {string} */
                                kind: "new" | "carried_over" | "recurring";
                                startDate: string;
                                dueDate: string;
                                originalDueDate: string;
                                /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                                currentDueDate: string | null;
                                /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                                reportYear: number | null;
                                timeframeText: string | null;
                                funding: {
                                    text?: string;
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    amounts?: {
                                        recurrent?: number;
                                        investment?: number;
                                        total?: number;
                                    };
                                } | null;
                                note: string | null;
                                /** @enum {string} */
                                status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                overdue: boolean;
                                dueSoon: boolean;
                                progress: number;
                                extensionRequests: {
                                    id: string;
                                    newDueDate: string;
                                    reason: string;
                                    requestedAt: string;
                                    requestedBy: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "approved" | "rejected" | "withdrawn";
                                    decidedAt?: string;
                                    decidedBy?: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    note?: string;
                                }[];
                                acknowledgedAt: string | null;
                                submittedAt: string | null;
                                completedAt: string | null;
                                cancelledAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            events: {
                                seq: number;
                                type: string;
                                /** @enum {string|null} */
                                fromStatus: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled" | null;
                                /** @enum {string|null} */
                                toStatus: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled" | null;
                                actor: {
                                    userId: string | null;
                                    name: string | null;
                                    /** @enum {string|null} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system" | null;
                                    agencyCode: string | null;
                                };
                                note: string | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks in due-date order, filtered; an agency sees the tasks it leads or coordinates */
        get: {
            parameters: {
                query?: {
                    plan?: string;
                    status?: string;
                    agency?: string;
                    overdue?: "0" | "1" | "true" | "false";
                    dueSoon?: "0" | "1" | "true" | "false";
                    q?: string;
                    parent?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                planId: string;
                                /** Format: uuid */
                                parentId: string | null;
                                isGroup: boolean;
                                number: string | null;
                                sectionCode: string | null;
                                section: string | null;
                                title: string;
                                description: string | null;
                                leadAgency: string;
                                leadAgencyName: string | null;
                                leadAgencyText: string | null;
                                coordinatingAgencies: string[];
                                /** @enum {string} */
                                kind: "new" | "carried_over" | "recurring";
                                startDate: string;
                                dueDate: string;
                                originalDueDate: string;
                                /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                                currentDueDate: string | null;
                                /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                                reportYear: number | null;
                                timeframeText: string | null;
                                funding: {
                                    text?: string;
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    amounts?: {
                                        recurrent?: number;
                                        investment?: number;
                                        total?: number;
                                    };
                                } | null;
                                note: string | null;
                                /** @enum {string} */
                                status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                overdue: boolean;
                                dueSoon: boolean;
                                progress: number;
                                extensionRequests: {
                                    id: string;
                                    newDueDate: string;
                                    reason: string;
                                    requestedAt: string;
                                    requestedBy: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "approved" | "rejected" | "withdrawn";
                                    decidedAt?: string;
                                    decidedBy?: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    note?: string;
                                }[];
                                acknowledgedAt: string | null;
                                submittedAt: string | null;
                                completedAt: string | null;
                                cancelledAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task list as an XLSX workbook: every task the same filters list (up to 20,000), not a page, and a sheet with who exported it, when and how filtered */
        get: {
            parameters: {
                query?: {
                    plan?: string;
                    status?: string;
                    agency?: string;
                    overdue?: "0" | "1" | "true" | "false";
                    dueSoon?: "0" | "1" | "true" | "false";
                    q?: string;
                    parent?: string;
                    lang?: "vi" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description A filter is invalid, or more tasks match than one workbook holds */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with its audit trail (events) and, for a group, its children */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The task */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            children: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                planId: string;
                                /** Format: uuid */
                                parentId: string | null;
                                isGroup: boolean;
                                number: string | null;
                                sectionCode: string | null;
                                section: string | null;
                                title: string;
                                description: string | null;
                                leadAgency: string;
                                leadAgencyName: string | null;
                                leadAgencyText: string | null;
                                coordinatingAgencies: string[];
                                /** @enum {string} */
                                kind: "new" | "carried_over" | "recurring";
                                startDate: string;
                                dueDate: string;
                                originalDueDate: string;
                                /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                                currentDueDate: string | null;
                                /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                                reportYear: number | null;
                                timeframeText: string | null;
                                funding: {
                                    text?: string;
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    amounts?: {
                                        recurrent?: number;
                                        investment?: number;
                                        total?: number;
                                    };
                                } | null;
                                note: string | null;
                                /** @enum {string} */
                                status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                overdue: boolean;
                                dueSoon: boolean;
                                progress: number;
                                extensionRequests: {
                                    id: string;
                                    newDueDate: string;
                                    reason: string;
                                    requestedAt: string;
                                    requestedBy: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "approved" | "rejected" | "withdrawn";
                                    decidedAt?: string;
                                    decidedBy?: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    note?: string;
                                }[];
                                acknowledgedAt: string | null;
                                submittedAt: string | null;
                                completedAt: string | null;
                                cancelledAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            events: {
                                seq: number;
                                type: string;
                                /** @enum {string|null} */
                                fromStatus: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled" | null;
                                /** @enum {string|null} */
                                toStatus: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled" | null;
                                actor: {
                                    userId: string | null;
                                    name: string | null;
                                    /** @enum {string|null} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system" | null;
                                    agencyCode: string | null;
                                };
                                note: string | null;
                                data: {
                                    [key: string]: unknown;
                                } | null;
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a task: due date (re-plans every reminder), title, coordinating agencies */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dueDate?: string;
                        title?: string;
                        coordinatingAgencies?: string[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/tasks/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reminders and escalations of a task: planned ones, and those that fired with the fate of their mail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sent first (oldest first), then planned */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: string;
                                to: string[];
                                cc: string[];
                                at: string;
                                /** @enum {string} */
                                status: "planned" | "pending" | "sent" | "failed" | "skipped";
                                reason?: string | null;
                                outboxId?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead agency acknowledges the task (tiếp nhận) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead agency reports progress (a lower percentage needs a note); on a recurring task it is the report of the year owed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        percent: number;
                        note?: string;
                        /** @description ids of evidence files uploaded to this task by the same agency */
                        attachmentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead agency submits completion for acceptance, with its evidence files */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @description ids of evidence files uploaded to this task by the same agency */
                        attachmentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A coordinating agency adds its contribution (nội dung phối hợp) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** @description ids of evidence files uploaded to this task by the same agency */
                        attachmentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Recorded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A comment in the task's discussion, by the coordinator or the task's lead or coordinating agency, while the task is open. Agencies named in `mentions` or written `@CODE` in the text (the task's agencies, or the plan's coordinating agency) are told in their daily digest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /** @default [] */
                        mentions?: string[];
                        /** @description ids of evidence files uploaded to this task by the same agency */
                        attachmentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Recorded in the timeline (event `commented`) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead agency asks for a later due date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newDueDate: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Requested */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requestId: string;
                            task: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                planId: string;
                                /** Format: uuid */
                                parentId: string | null;
                                isGroup: boolean;
                                number: string | null;
                                sectionCode: string | null;
                                section: string | null;
                                title: string;
                                description: string | null;
                                leadAgency: string;
                                leadAgencyName: string | null;
                                leadAgencyText: string | null;
                                coordinatingAgencies: string[];
                                /** @enum {string} */
                                kind: "new" | "carried_over" | "recurring";
                                startDate: string;
                                dueDate: string;
                                originalDueDate: string;
                                /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                                currentDueDate: string | null;
                                /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                                reportYear: number | null;
                                timeframeText: string | null;
                                funding: {
                                    text?: string;
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    amounts?: {
                                        recurrent?: number;
                                        investment?: number;
                                        total?: number;
                                    };
                                } | null;
                                note: string | null;
                                /** @enum {string} */
                                status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                overdue: boolean;
                                dueSoon: boolean;
                                progress: number;
                                extensionRequests: {
                                    id: string;
                                    newDueDate: string;
                                    reason: string;
                                    requestedAt: string;
                                    requestedBy: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "approved" | "rejected" | "withdrawn";
                                    decidedAt?: string;
                                    decidedBy?: {
                                        userId: string | null;
                                        name: string;
                                        /** @enum {string} */
                                        role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                        agencyCode: string | null;
                                        /** @enum {string} */
                                        via?: "api" | "link" | "report" | "import" | "system";
                                    };
                                    note?: string;
                                }[];
                                acknowledgedAt: string | null;
                                submittedAt: string | null;
                                completedAt: string | null;
                                cancelledAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/extension-requests/{rid}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The coordinator approves (the deadline moves, reminders re-plan) or rejects an extension */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approve: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The coordinator accepts the submitted completion (nghiệm thu) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The coordinator returns the submitted completion, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The coordinator cancels an open task (and every child of a group) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The coordinator hands the task to another lead agency, which must acknowledge it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        leadAgency: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The task after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            /** Format: uuid */
                            parentId: string | null;
                            isGroup: boolean;
                            number: string | null;
                            sectionCode: string | null;
                            section: string | null;
                            title: string;
                            description: string | null;
                            leadAgency: string;
                            leadAgencyName: string | null;
                            leadAgencyText: string | null;
                            coordinatingAgencies: string[];
                            /** @enum {string} */
                            kind: "new" | "carried_over" | "recurring";
                            startDate: string;
                            dueDate: string;
                            originalDueDate: string;
                            /** @description The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported) */
                            currentDueDate: string | null;
                            /** @description Recurring tasks: the year whose report is owed by currentDueDate */
                            reportYear: number | null;
                            timeframeText: string | null;
                            funding: {
                                text?: string;
                                sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                amounts?: {
                                    recurrent?: number;
                                    investment?: number;
                                    total?: number;
                                };
                            } | null;
                            note: string | null;
                            /** @enum {string} */
                            status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                            overdue: boolean;
                            dueSoon: boolean;
                            progress: number;
                            extensionRequests: {
                                id: string;
                                newDueDate: string;
                                reason: string;
                                requestedAt: string;
                                requestedBy: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "withdrawn";
                                decidedAt?: string;
                                decidedBy?: {
                                    userId: string | null;
                                    name: string;
                                    /** @enum {string} */
                                    role: "admin" | "coordinator" | "agency" | "viewer" | "system";
                                    agencyCode: string | null;
                                    /** @enum {string} */
                                    via?: "api" | "link" | "report" | "import" | "system";
                                };
                                note?: string;
                            }[];
                            acknowledgedAt: string | null;
                            submittedAt: string | null;
                            completedAt: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a plan appendix (CSV, XLSX, or the tables of a Word DOCX): ?dryRun=true previews every row, problem and column mapping, lists the worksheets/tables (`sheets`) and, for a plan imported before, the changes (`diff`); ?sheet= picks a worksheet or table by name; otherwise commits all or nothing. The multipart field `options` (JSON) carries {mapping: {C: "lead"}, cancelRemoved: [taskId]} */
        post: {
            parameters: {
                query?: {
                    dryRun?: "0" | "1" | "true" | "false";
                    sheet?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: Blob;
                        /** @description JSON: {"mapping": {"C": "lead"}, "cancelRemoved": ["<task id>"]} */
                        options?: string;
                    };
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                };
            };
            responses: {
                /** @description Dry run: the preview (with `diff` when the plan has imported tasks); or the file changes nothing that is imported already (alreadyImported: true) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "csv" | "xlsx" | "docx";
                            fileSha256: string;
                            sheetName?: string;
                            sheets: {
                                name: string;
                                caption?: string;
                                rows: number;
                                columns: number;
                                hasHeader: boolean;
                            }[];
                            headerRow?: number;
                            columns: {
                                index: number;
                                header: string;
                                /** @enum {string} */
                                field?: "number" | "title" | "lead" | "coordinating" | "timeframe" | "fundingText" | "amountRecurrent" | "amountInvestment" | "amountTotal" | "kind" | "description" | "note";
                                /** @enum {string} */
                                source?: "header" | "plan" | "user" | "content";
                                samples?: string[];
                            }[];
                            rows: {
                                row: number;
                                /** @enum {string} */
                                type: "title" | "header" | "section" | "task" | "total" | "blank";
                                cells: {
                                    [key: string]: string;
                                };
                                task?: {
                                    row: number;
                                    sectionCode?: string;
                                    section?: string;
                                    number?: string;
                                    title: string;
                                    description?: string;
                                    leadText: string;
                                    leads: {
                                        code: string;
                                        /** @enum {string} */
                                        kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                                        members: string[];
                                    }[];
                                    coordinatingText?: string;
                                    coordinatingAgencyCodes: string[];
                                    /** @enum {string} */
                                    kind: "new" | "carried_over" | "recurring";
                                    kindText?: string;
                                    timeframeText?: string;
                                    startDate: string;
                                    dueDate: string;
                                    funding?: {
                                        text?: string;
                                        sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                        amounts?: {
                                            recurrent?: number;
                                            investment?: number;
                                            total?: number;
                                        };
                                    };
                                    note?: string;
                                };
                                problems: {
                                    /** @description 1-based file row */
                                    row?: number;
                                    /** @description Column letter and header text: "C — Đơn vị chủ trì" */
                                    column?: string;
                                    field?: string;
                                    /** @enum {string} */
                                    severity: "error" | "warning";
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            }[];
                            tasks: {
                                row: number;
                                sectionCode?: string;
                                section?: string;
                                number?: string;
                                title: string;
                                description?: string;
                                leadText: string;
                                leads: {
                                    code: string;
                                    /** @enum {string} */
                                    kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                                    members: string[];
                                }[];
                                coordinatingText?: string;
                                coordinatingAgencyCodes: string[];
                                /** @enum {string} */
                                kind: "new" | "carried_over" | "recurring";
                                kindText?: string;
                                timeframeText?: string;
                                startDate: string;
                                dueDate: string;
                                funding?: {
                                    text?: string;
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    amounts?: {
                                        recurrent?: number;
                                        investment?: number;
                                        total?: number;
                                    };
                                };
                                note?: string;
                            }[];
                            problems: {
                                /** @description 1-based file row */
                                row?: number;
                                /** @description Column letter and header text: "C — Đơn vị chủ trì" */
                                column?: string;
                                field?: string;
                                /** @enum {string} */
                                severity: "error" | "warning";
                                message: string;
                                suggestions?: string[];
                            }[];
                            ok: boolean;
                            summary: {
                                rows: number;
                                tasks: number;
                                sections: number;
                                byLeadText: {
                                    [key: string]: number;
                                };
                                byKind: {
                                    [key: string]: number;
                                };
                                byTimeframe: {
                                    [key: string]: number;
                                };
                                byFunding: {
                                    [key: string]: number;
                                };
                                byCoordinatingText: {
                                    [key: string]: number;
                                };
                            };
                            missingFields: ("number" | "title" | "lead" | "coordinating" | "timeframe" | "fundingText" | "amountRecurrent" | "amountInvestment" | "amountTotal" | "kind" | "description" | "note")[];
                            unknownNames: {
                                text: string;
                                /** @enum {string} */
                                field: "lead" | "coordinating";
                                rows: number[];
                                suggestions: {
                                    code: string;
                                    name: string;
                                }[];
                            }[];
                            diff?: {
                                compared: number;
                                added: {
                                    row: number;
                                    title: string;
                                }[];
                                changed: {
                                    row: number;
                                    taskId: string;
                                    title: string;
                                    /** @enum {string} */
                                    status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                    changes: {
                                        /** @enum {string} */
                                        field: "title" | "lead" | "coordinating" | "startDate" | "dueDate" | "kind" | "funding" | "description" | "note" | "number" | "section";
                                        from: unknown;
                                        to: unknown;
                                        notApplied?: string;
                                    }[];
                                }[];
                                unchanged: {
                                    row: number;
                                    taskId: string;
                                }[];
                                removed: {
                                    taskId: string;
                                    title: string;
                                    number: string | null;
                                    section: string | null;
                                    /** @enum {string} */
                                    status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                }[];
                            };
                        } | {
                            /** @enum {boolean} */
                            alreadyImported: true;
                            diff: {
                                compared: number;
                                added: {
                                    row: number;
                                    title: string;
                                }[];
                                changed: {
                                    row: number;
                                    taskId: string;
                                    title: string;
                                    /** @enum {string} */
                                    status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                    changes: {
                                        /** @enum {string} */
                                        field: "title" | "lead" | "coordinating" | "startDate" | "dueDate" | "kind" | "funding" | "description" | "note" | "number" | "section";
                                        from: unknown;
                                        to: unknown;
                                        notApplied?: string;
                                    }[];
                                }[];
                                unchanged: {
                                    row: number;
                                    taskId: string;
                                }[];
                                removed: {
                                    taskId: string;
                                    title: string;
                                    number: string | null;
                                    section: string | null;
                                    /** @enum {string} */
                                    status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                }[];
                            };
                            summary: {
                                rows: number;
                                tasks: number;
                                sections: number;
                                byLeadText: {
                                    [key: string]: number;
                                };
                                byKind: {
                                    [key: string]: number;
                                };
                                byTimeframe: {
                                    [key: string]: number;
                                };
                                byFunding: {
                                    [key: string]: number;
                                };
                                byCoordinatingText: {
                                    [key: string]: number;
                                };
                            };
                        };
                    };
                };
                /** @description Committed; the task workflows are starting (follow the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            alreadyImported: false;
                            job: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                planId: string;
                                fileName: string;
                                sheetName: string;
                                /** @enum {string} */
                                status: "starting" | "started" | "failed";
                                rowCount: number;
                                taskCount: number;
                                startedCount: number;
                                changeCount: number;
                                appliedCount: number;
                                refusedCount: number;
                                createdAt: string;
                                updatedAt: string;
                            };
                            diff: {
                                compared: number;
                                added: {
                                    row: number;
                                    title: string;
                                }[];
                                changed: {
                                    row: number;
                                    taskId: string;
                                    title: string;
                                    /** @enum {string} */
                                    status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                    changes: {
                                        /** @enum {string} */
                                        field: "title" | "lead" | "coordinating" | "startDate" | "dueDate" | "kind" | "funding" | "description" | "note" | "number" | "section";
                                        from: unknown;
                                        to: unknown;
                                        notApplied?: string;
                                    }[];
                                }[];
                                unchanged: {
                                    row: number;
                                    taskId: string;
                                }[];
                                removed: {
                                    taskId: string;
                                    title: string;
                                    number: string | null;
                                    section: string | null;
                                    /** @enum {string} */
                                    status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                }[];
                            };
                            summary: {
                                rows: number;
                                tasks: number;
                                sections: number;
                                byLeadText: {
                                    [key: string]: number;
                                };
                                byKind: {
                                    [key: string]: number;
                                };
                                byTimeframe: {
                                    [key: string]: number;
                                };
                                byFunding: {
                                    [key: string]: number;
                                };
                                byCoordinatingText: {
                                    [key: string]: number;
                                };
                            };
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description File over 10 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/imports/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a committed import: how many task workflows have started */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            planId: string;
                            fileName: string;
                            sheetName: string;
                            /** @enum {string} */
                            status: "starting" | "started" | "failed";
                            rowCount: number;
                            taskCount: number;
                            startedCount: number;
                            changeCount: number;
                            appliedCount: number;
                            refusedCount: number;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/import/agency-names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a name the appendix uses that the directory does not know: an alias of an existing agency, or a new agency; later imports know it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        agencyCode?: string;
                        newAgency?: {
                            code: string;
                            name: string;
                            shortName?: string;
                            /** @enum {string} */
                            kind: "department" | "district" | "commune" | "vertical" | "province" | "other";
                            /** @default [] */
                            emails?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description The name is now an alias of this agency */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            created: false;
                            agency: {
                                code: string;
                                name: string;
                                shortName: string;
                                /** @enum {string} */
                                kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                                parentCode: string | null;
                                emails: string[];
                                /** @enum {string} */
                                language: "vi" | "en";
                                active: boolean;
                                mergedInto: string | null;
                                mergedOn: string | null;
                                aliases: string[];
                                formerNames: {
                                    name: string;
                                    until: string;
                                }[];
                                members: string[];
                            };
                        };
                    };
                };
                /** @description A new agency with this name */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            created: true;
                            agency: {
                                code: string;
                                name: string;
                                shortName: string;
                                /** @enum {string} */
                                kind: "department" | "district" | "commune" | "vertical" | "province" | "group" | "other";
                                parentCode: string | null;
                                emails: string[];
                                /** @enum {string} */
                                language: "vi" | "en";
                                active: boolean;
                                mergedInto: string | null;
                                mergedOn: string | null;
                                aliases: string[];
                                formerNames: {
                                    name: string;
                                    until: string;
                                }[];
                                members: string[];
                            };
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Unknown plan or agency */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The name, or the new code, is already another agency's */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/annual-cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reporting cycles of a plan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cycles by year */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start a year's reporting cycle by hand (the plan's Schedule starts one each year on its own) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            planId: string;
                            year: number;
                            workflowId: string;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Already running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/annual-cycles/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-agency status of a cycle: asked, reported (on time?), summary; an agency sees its own line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cycle */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            planId: string;
                            year: number;
                            /** @enum {string} */
                            status: "requested" | "compiled";
                            requestedOn: string;
                            dueDate: string;
                            compiledAt: string | null;
                            version: number;
                            agencies: {
                                code: string;
                                name: string;
                                requested: boolean;
                                submittedAt: string | null;
                                onTime: boolean | null;
                                summary: string | null;
                                versions: number;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/annual-cycles/{year}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An agency's yearly report: a summary and progress % with a note and evidence files per task it leads (a second one replaces the first) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        summary: string;
                        tasks: {
                            /** Format: uuid */
                            taskId: string;
                            percent: number;
                            note?: string;
                            /** @description evidence files uploaded to that task by the reporting agency */
                            attachmentIds?: string[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Recorded; progress sent to the tasks; the cycle recompiles if it had compiled */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            reportId: string;
                            onTime: boolean;
                            notApplied: {
                                taskId: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/annual-cycles/{year}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The compiled province report: JSON, XLSX (one sheet per view) or printable HTML */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "xlsx" | "html";
                    lang?: "vi" | "en";
                };
                header?: never;
                path: {
                    id: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report: JSON as below, or by `format` the XLSX workbook or the printable HTML */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {number} */
                            schemaVersion: 1;
                            plan: {
                                id: string;
                                code: string;
                                title: string;
                                documentNumber: string;
                                issuer: string;
                                /** @description YYYY-MM-DD */
                                issuedOn: string;
                                /** @description YYYY-MM-DD */
                                periodStart: string;
                                /** @description YYYY-MM-DD */
                                periodEnd: string;
                            };
                            year: number;
                            /** @description YYYY-MM-DD */
                            asOf: string;
                            /** @description YYYY-MM-DD */
                            dueDate: string;
                            compiledAt: string;
                            version: number;
                            coordinator: {
                                code: string;
                                name: string;
                            };
                            headline: {
                                total: number;
                                open: number;
                                completed: number;
                                completedOnTime: number;
                                completedLate: number;
                                inProgressOnTime: number;
                                overdue: number;
                                notStarted: number;
                                /** @description completedOnTime / (completed + overdue); null when that is 0 */
                                onTimeRate: number | null;
                                cancelled: number;
                                agenciesRequested: number;
                                agenciesReported: number;
                                agenciesReportedOnTime: number;
                                agenciesMissing: number;
                                missingAgencyCodes: string[];
                            };
                            classes: {
                                /** @enum {string} */
                                class: "completed_on_time" | "completed_late" | "in_progress_on_time" | "in_progress_overdue" | "not_started";
                                count: number;
                            }[];
                            sections: {
                                code: string | null;
                                title: string | null;
                                total: number;
                                open: number;
                                completed: number;
                                completedOnTime: number;
                                completedLate: number;
                                inProgressOnTime: number;
                                overdue: number;
                                notStarted: number;
                                /** @description completedOnTime / (completed + overdue); null when that is 0 */
                                onTimeRate: number | null;
                            }[];
                            tasks: {
                                id: string;
                                number: string | null;
                                sectionCode: string | null;
                                section: string | null;
                                title: string;
                                leadAgencyCode: string;
                                leadAgencyName: string;
                                parentId: string | null;
                                /** @enum {string} */
                                kind: "new" | "carried_over" | "recurring";
                                /** @enum {string} */
                                status: "assigned" | "in_progress" | "completion_submitted" | "completed" | "cancelled";
                                /** @enum {string} */
                                class: "completed_on_time" | "completed_late" | "in_progress_on_time" | "in_progress_overdue" | "not_started";
                                progress: number;
                                /** @enum {string} */
                                progressSource: "report" | "task";
                                /** @description YYYY-MM-DD */
                                startDate: string;
                                /** @description YYYY-MM-DD */
                                dueDate: string;
                                /** @description YYYY-MM-DD */
                                originalDueDate: string;
                                dueDateMoved: boolean;
                                /** @description YYYY-MM-DD */
                                completedOn: string | null;
                                note: string | null;
                                /** @enum {string|null} */
                                noteSource: "report" | "task" | null;
                                funding: {
                                    text?: string;
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    amounts?: {
                                        recurrent?: number;
                                        investment?: number;
                                        total?: number;
                                    };
                                } | null;
                            }[];
                            cancelled: {
                                id: string;
                                number: string | null;
                                sectionCode: string | null;
                                section: string | null;
                                title: string;
                                leadAgencyCode: string;
                                leadAgencyName: string;
                                /** @description YYYY-MM-DD */
                                dueDate: string;
                                note: string | null;
                            }[];
                            agencies: {
                                agencyCode: string;
                                agencyName: string;
                                shortName: string;
                                total: number;
                                open: number;
                                completed: number;
                                completedOnTime: number;
                                completedLate: number;
                                inProgressOnTime: number;
                                overdue: number;
                                notStarted: number;
                                /** @description completedOnTime / (completed + overdue); null when that is 0 */
                                onTimeRate: number | null;
                                requested: boolean;
                                reportSubmitted: boolean;
                                reportOnTime: boolean | null;
                                submittedAt: string | null;
                                summary: string | null;
                            }[];
                            funding: {
                                rows: {
                                    /** @description In vocabulary order; empty for "not specified" */
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    taskCount: number;
                                    itemsWithAmounts: number;
                                    /** @description triệu đồng; null when no task of the row states it */
                                    recurrent: number | null;
                                    investment: number | null;
                                    total: number | null;
                                }[];
                                total: {
                                    /** @description In vocabulary order; empty for "not specified" */
                                    sources: ("central" | "province" | "district" | "commune" | "socialized" | "oda" | "other")[];
                                    taskCount: number;
                                    itemsWithAmounts: number;
                                    /** @description triệu đồng; null when no task of the row states it */
                                    recurrent: number | null;
                                    investment: number | null;
                                    total: number | null;
                                };
                            };
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Not compiled yet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/l/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link from a mail: a page to confirm the acknowledgement, or the task itself */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A confirmation page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description To the task in the UI */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not a valid link */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Already used */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Expired */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Acknowledge a task from a mail, in the name of the agency the mail was sent to */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Acknowledged (or already was) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not a valid link */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Already used */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Expired */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare every task workflow's live state with the read model and the outbox (what `npm run verify` prints) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Consistent, or the list of mismatches */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasksChecked: number;
                            transitionsChecked: number;
                            remindersChecked: number;
                            mailsChecked: number;
                            lost: number;
                            duplicated: number;
                            mismatches: string[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages of the outbox, newest first: what was (or will be) mailed, to whom, and whether it went out */
        get: {
            parameters: {
                query?: {
                    task?: string;
                    status?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description `digest`: a day of reminders in one message
                                 * @enum {string}
                                 */
                                kind: "ack_reminder" | "ack_escalation" | "due_reminder" | "overdue_notice" | "overdue_escalation" | "status_change" | "task_assigned" | "report_request" | "report_reminder" | "report_escalation" | "report_compiled" | "mention" | "digest";
                                /** @description `agency:<code>` or `user:<id>` */
                                recipient: string | null;
                                to: string[];
                                cc: string[];
                                subject: string;
                                /** @description When its (first) notification was due, ISO 8601 */
                                scheduledFor: string;
                                createdAt: string;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "sending" | "sent" | "failed";
                                attempts: number;
                                /** @description The last SMTP error, or why it cannot be sent (no address) */
                                lastError: string | null;
                                taskIds: string[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message with its text and HTML, and the notifications it carries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The message */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description `digest`: a day of reminders in one message
                             * @enum {string}
                             */
                            kind: "ack_reminder" | "ack_escalation" | "due_reminder" | "overdue_notice" | "overdue_escalation" | "status_change" | "task_assigned" | "report_request" | "report_reminder" | "report_escalation" | "report_compiled" | "mention" | "digest";
                            /** @description `agency:<code>` or `user:<id>` */
                            recipient: string | null;
                            to: string[];
                            cc: string[];
                            subject: string;
                            /** @description When its (first) notification was due, ISO 8601 */
                            scheduledFor: string;
                            createdAt: string;
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sending" | "sent" | "failed";
                            attempts: number;
                            /** @description The last SMTP error, or why it cannot be sent (no address) */
                            lastError: string | null;
                            taskIds: string[];
                            /** @enum {string} */
                            language: "vi" | "en";
                            messageId: string;
                            text: string;
                            html: string;
                            notifications: {
                                id: number;
                                /** @enum {string} */
                                kind: "ack_reminder" | "ack_escalation" | "due_reminder" | "overdue_notice" | "overdue_escalation" | "status_change" | "task_assigned" | "report_request" | "report_reminder" | "report_escalation" | "report_compiled" | "mention";
                                /** Format: uuid */
                                taskId: string | null;
                                copy: boolean;
                                /** @enum {string} */
                                status: "pending" | "queued" | "sent" | "failed" | "skipped";
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Unknown message */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task's evidence files, oldest first, each with the reports and comments that cite it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The files, and the size limit of an upload (MB) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                taskId: string;
                                fileName: string;
                                contentType: string;
                                size: number;
                                sha256: string;
                                uploadedBy: {
                                    userId: string | null;
                                    name: string;
                                    role: string;
                                    agencyCode: string | null;
                                };
                                createdAt: string;
                                citedBy: {
                                    /** @description null: an annual report */
                                    seq: number | null;
                                    type: string;
                                }[];
                            }[];
                            maxMB: number;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload an evidence file (minh chứng) to a task: PDF, DOCX, XLSX, PNG, JPEG, the type checked by content, up to ATTACHMENT_MAX_MB (20 MB by default). Cite it by id in a progress report, completion, contribution, comment or annual report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: Blob;
                    };
                };
            };
            responses: {
                /** @description Kept */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            taskId: string;
                            fileName: string;
                            contentType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: {
                                userId: string | null;
                                name: string;
                                role: string;
                                agencyCode: string | null;
                            };
                            createdAt: string;
                            citedBy: {
                                /** @description null: an annual report */
                                seq: number | null;
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Over the size limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No file, or not one of the accepted types by its content, or refused by the virus scanner */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file, for whoever may see its task (as an attachment, never rendered inline) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, with the type detected at upload */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description No such file */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Withdraw an evidence file uploaded by mistake while no report, comment or annual report cites it: its uploader's agency or the coordinator. Recorded in the admin audit log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Another agency's file, or a task the caller does not work on */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such file */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A report or comment cites it: it stays with what was reported */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one can sign in here: with the province account (OpenID Connect), with a link by mail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sign-in options */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            oidc: boolean;
                            mailLinks: boolean;
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-in-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a one-click sign-in link to the accounts with this address; the answer is the same whether there is one or not */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Mailed, if an active account has this address */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Mail is not configured here (no SMTP_URL): ask an administrator for a link */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem a one-click sign-in link for a session token (once; the link expires after 24 hours) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        link: string;
                    };
                };
            };
            responses: {
                /** @description The session */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description Not a genuine link */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The account is disabled or revoked */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Already used */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Expired */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out: the session behind the bearer token ends (a personal token stays valid) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in with the province's identity provider (OpenID Connect, code + PKCE): a redirect to it */
        get: {
            parameters: {
                query?: {
                    next?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the provider's sign-in page */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not configured */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description The provider cannot be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identity provider's answer: the session token goes to the sign-in page in the URL fragment (never logged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To /signin#session=… */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Expired attempt, or refused by the provider */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No role in Giao việc, unknown agency, or a disabled or revoked account */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not configured */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Several accounts have this address */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dữ liệu không hợp lệ */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin audit log, newest first: who changed users, agencies, the calendar or plans, when, and what (fields before and after). `format=csv|xlsx` downloads every matching row */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    actor?: string;
                    action?: "user.create" | "user.update" | "user.disable" | "user.enable" | "user.token_rotate" | "user.token_revoke" | "user.sign_in_link" | "user.oidc_link" | "agency.create" | "agency.update" | "agency.merge" | "agency.alias" | "calendar.amend" | "calendar.remove" | "plan.create" | "plan.update" | "attachment.delete" | "user" | "agency" | "calendar" | "plan" | "attachment";
                    limit?: number;
                    cursor?: string;
                    format?: "json" | "csv" | "xlsx";
                    lang?: "vi" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page (JSON), or the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description ISO 8601 */
                                at: string;
                                /** Format: uuid */
                                actorId: string | null;
                                actorName: string;
                                actorRole: string;
                                /** @enum {string} */
                                via: "api" | "cli" | "oidc" | "system";
                                /** @enum {string} */
                                action: "user.create" | "user.update" | "user.disable" | "user.enable" | "user.token_rotate" | "user.token_revoke" | "user.sign_in_link" | "user.oidc_link" | "agency.create" | "agency.update" | "agency.merge" | "agency.alias" | "calendar.amend" | "calendar.remove" | "plan.create" | "plan.update" | "attachment.delete";
                                /** @enum {string} */
                                targetType: "user" | "agency" | "calendar_day" | "plan" | "attachment";
                                targetId: string;
                                targetLabel: string | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                after: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Thiếu hoặc sai token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Không có quyền */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description A bad filter, or more rows than one file holds */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lỗi hệ thống */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    field?: string;
                                    row?: number;
                                    column?: string;
                                    message: string;
                                    suggestions?: string[];
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
