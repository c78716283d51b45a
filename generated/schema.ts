// Generated from openapi/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit: change the spec and regenerate.

export type paths = {
    "/v2.0/vpc/peerings/{peering_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique ID of the VPC peering connection (对等连接的唯一标识). */
                peering_id: components["parameters"]["PeeringId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update a VPC peering connection
         * @description Updates a VPC peering connection (更新对等连接). Give at least one field; at present
         *     only the name can be changed (目前只支持更新name).
         *
         *     Idempotent: the request sets fields to the values given, so a repeat changes nothing more.
         */
        put: operations["UpdateVpcPeering"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
                 *     under "My Credentials", or with IAM's "query projects" API.
                 */
                project_id: components["parameters"]["ProjectId"];
                /** @description ID of the traffic mirror session (流量镜像会话ID) to update. */
                traffic_mirror_session_id: components["parameters"]["TrafficMirrorSessionId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update a traffic mirror session
         * @description Updates a traffic mirror session (更新流量镜像会话): its name, description, filter,
         *     target, VNI, packet length, priority, source type or whether it is enabled.
         *     Fields left out keep their value. Note that `enabled` is the string `"true"` or
         *     `"false"` in the request but a boolean in the response.
         *
         *     Idempotent: the request sets fields to the values given, so a repeat changes nothing more.
         */
        put: operations["UpdateTrafficMirrorSession"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/{project_id}/snapshots/{snapshot_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
                 *     under "My Credentials", or with IAM's "query projects" API.
                 */
                project_id: components["parameters"]["ProjectId"];
                /** @description ID of the EVS snapshot (快照ID) to update. */
                snapshot_id: components["parameters"]["SnapshotId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update an EVS snapshot
         * @description Updates the name or description of an EVS disk snapshot (更新云硬盘快照), through
         *     EVS's OpenStack Cinder compatible API. `display_name` and `display_description`
         *     are Cinder's older names for `name` and `description`. Names and descriptions
         *     are limited to 255 bytes, not characters.
         *
         *     Idempotent: the request sets the name and description to the values given, so a
         *     repeat changes nothing more.
         */
        put: operations["CinderUpdateSnapshot"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
                 *     under "My Credentials", or with IAM's "query projects" API.
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description ID of the DWS cluster (集群ID) the data source belongs to. The page points to DWS's
                 *     "Obtaining a Cluster ID" (获取集群ID) for where to find it.
                 */
                cluster_id: components["parameters"]["ClusterId"];
                /** @description ID of the external data source configuration (数据源配置ID) to update. */
                ext_data_source_id: components["parameters"]["ExtDataSourceId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update an external data source
         * @description Updates an external data source of a DWS cluster (更新数据源): the IAM agency it
         *     is reached through, and whether to restart. The update runs as a job whose ID
         *     the response returns.
         *
         *     Not idempotent: every request starts a new DWS job, and with `reboot: true` another
         *     cluster restart, so the client never resends it after the request may have reached
         *     the service (`x-idempotent: false`).
         */
        put: operations["UpdateDataSource"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project ID (项目ID) of the region the VPC endpoint lives in; 1 to 64 characters. */
                project_id: components["parameters"]["VpcepProjectId"];
                /** @description ID of the VPC endpoint (终端节点的ID); 1 to 64 characters. */
                vpc_endpoint_id: components["parameters"]["VpcEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update the route tables of a VPC endpoint
         * @description Sets the route tables associated with a VPC endpoint (修改终端节点路由表). Route
         *     tables that could not be associated or disassociated are listed in the
         *     response's `error` member; the call as a whole still answers 200.
         *
         *     Idempotent: the request replaces the whole list of associated route tables, so
         *     sending the same list twice leaves the same associations.
         */
        put: operations["UpdateEndpointRoutetable"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Lists the projects the caller may see that match the query (查询指定条件下的项目列表).
         *     A region's own project is named after the region, so `name=cn-north-4` finds the
         *     project ID that the `{project_id}` of other services' paths needs; the client uses
         *     this to look the project ID up when none is given.
         *
         *     Idempotent: a GET changes nothing.
         */
        get: operations["KeystoneListProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /**
         * @description Fields of the peering connection to change (peering对象中要更新的字段). No single
         *     field is mandatory, but at least one must be given (更新操作时至少指定一项属性).
         *     The page says only `name` can be updated for now; `description` comes from Huawei's
         *     official SDK model (`UpdateVpcPeeringOption`).
         */
        UpdateVpcPeeringOption: {
            /**
             * @description New name of the peering connection (对等连接名称), 1 to 64 characters. The page
             *     itself states no limits; these are from the peering object table of Huawei's
             *     VPC peering API overview (对等连接API简介).
             * @example test2
             */
            name?: string | undefined;
            /**
             * @description New description of the peering connection (对等连接描述), 0 to 255 characters,
             *     without `<` or `>`. Not on the page; from Huawei's official SDK model and the
             *     VPC peering API reference.
             * @example Peering between the production and the shared-services VPC
             */
            description?: string | undefined;
        };
        /** @description Request body of `UpdateVpcPeering` (请求参数). */
        UpdateVpcPeeringRequestBody: {
            peering: components["schemas"]["UpdateVpcPeeringOption"];
        };
        /** @description One side of a peering connection (对等连接其中一端的VPC信息). */
        VpcInfo: {
            /**
             * @description ID of the VPC on this side of the peering (对等连接其中一端VPC ID).
             * @example 9daeac7c-a98f-430f-8e38-67f9c044e299
             */
            vpc_id?: string | undefined;
            /**
             * @description ID of the project the VPC belongs to (对等连接其中一端VPC所属的项目ID).
             * @example f65e9ebc-ed5d-418b-a931-9a723718ba4e
             */
            tenant_id?: string | undefined;
        };
        /**
         * @description A VPC peering connection (对等连接). The page refers to the peering object table of
         *     the VPC peering API overview (对等连接API简介, 表1); `description`, `created_at` and
         *     `updated_at` are from that reference and Huawei's official SDK model (`VpcPeering`).
         */
        VpcPeering: {
            /**
             * @description ID of the peering connection (对等连接ID).
             * @example 22b76469-08e3-4937-8c1d-7aad34892be1
             */
            id?: string | undefined;
            /**
             * @description Name of the peering connection (对等连接的名称).
             * @example test2
             */
            name?: string | undefined;
            /**
             * @description Status of the peering connection (状态位):
             *     `PENDING_ACCEPTANCE` waiting for the peer to accept (等待接受),
             *     `REJECTED` rejected (已拒绝), `EXPIRED` expired (已过期),
             *     `DELETED` deleted (已删除), `ACTIVE` active (活动的).
             * @example ACTIVE
             * @enum {string}
             */
            status?: "PENDING_ACCEPTANCE" | "REJECTED" | "EXPIRED" | "DELETED" | "ACTIVE" | undefined;
            /** @description The VPC that requested the peering (对等连接发起端VPC信息). */
            request_vpc_info?: components["schemas"]["VpcInfo"] | undefined;
            /** @description The VPC that accepted the peering (对等连接接受端VPC信息). */
            accept_vpc_info?: components["schemas"]["VpcInfo"] | undefined;
            /**
             * @description Description of the peering connection (对等连接描述).
             * @example Peering between the production and the shared-services VPC
             */
            description?: string | undefined;
            /**
             * @description Creation time (资源创建时间), UTC, formatted `yyyy-MM-ddTHH:mm:ss`.
             * @example 2020-03-23T10:53:12
             */
            created_at?: string | undefined;
            /**
             * @description Time of the last update (资源更新时间), UTC, formatted `yyyy-MM-ddTHH:mm:ss`.
             * @example 2020-03-23T10:56:54
             */
            updated_at?: string | undefined;
        };
        /** @description Response body of `UpdateVpcPeering` (响应参数). */
        UpdateVpcPeeringResponseBody: {
            /**
             * @description The peering connection after the update (peering对象); always present in a successful answer.
             *     The page's table calls it a list of peering objects (peering对象列表) but gives its type as
             *     Dict, and its sample holds one object; this document follows the type and the sample.
             */
            peering: components["schemas"]["VpcPeering"];
        };
        /**
         * @description Flat error body, `{"error_code": "...", "error_msg": "..."}`: the shape of VPC,
         *     DWS, VPC Endpoint's error code reference, and Huawei's API gateway (codes
         *     `APIGW.*`), which answers for any service when it rejects a request itself, for
         *     example on failed authentication.
         */
        HuaweiErrorCodeBody: {
            /**
             * @description Error code (错误码), e.g. `VPC.0008` or `APIGW.0301`.
             * @example APIGW.0301
             */
            error_code: string;
            /**
             * @description Error message (错误信息).
             * @example Incorrect IAM authentication information: verify aksk signature fail
             */
            error_msg: string;
            /**
             * @description ID of the failed request, when the service includes it.
             * @example 9a6c1f3e2b8d4e7f8a1c5b3d7e9f2a4c
             */
            request_id?: string | undefined;
        };
        /** @description Code and message of a failure, as nested in `HuaweiErrorBody`. */
        HuaweiError: {
            /**
             * @description Error code (错误信息编码), e.g. `EndPoint.0005`.
             * @example EndPoint.0005
             */
            code?: string | undefined;
            /**
             * @description Error message (错误信息描述).
             * @example The requested resource does not exist.
             */
            message?: string | undefined;
        };
        /**
         * @description Wrapped error body, `{"error": {"code": "...", "message": "..."}}`: what the VPC
         *     Endpoint page documents for every error status, the generic EVS error shape, and
         *     one of the two VPC shapes.
         */
        HuaweiErrorBody: {
            /** @description The error returned when the submitted task failed (提交任务异常时返回的异常信息). */
            error: components["schemas"]["HuaweiError"];
        };
        /**
         * @description Error body of the VPC service: either the flat `HuaweiErrorCodeBody` (also the API
         *     gateway's shape, codes `APIGW.*`) or the wrapped `HuaweiErrorBody`.
         */
        VpcErrorBody: components["schemas"]["HuaweiErrorCodeBody"] | components["schemas"]["HuaweiErrorBody"];
        /**
         * @description Fields of the traffic mirror session to change (流量镜像会话对象). Every field is
         *     optional; fields left out keep their value. At least one must be given, since an
         *     update that changes nothing is a mistake rather than a request.
         */
        UpdateTrafficMirrorSessionOption: {
            /**
             * @description Name of the session (流量镜像会话名称): 1 to 64 characters, each a digit, a
             *     letter, a Chinese character, `_` (underscore), `-` (hyphen) or `.` (dot).
             * @example test-session
             */
            name?: string | undefined;
            /**
             * @description Description of the session (流量镜像会话的描述信息): 0 to 255 characters,
             *     without `<` or `>`.
             * @example Mirror web traffic to the IDS
             */
            description?: string | undefined;
            /**
             * @description ID of the traffic mirror filter (流量镜像筛选条件ID) that selects the traffic to mirror.
             * @example b765ba87-c0b4-4f1a-9ec3-d5b1d1ddb137
             */
            traffic_mirror_filter_id?: string | undefined;
            /**
             * @description ID of the mirror target (镜像目标ID).
             * @example c9f8acef-d550-4fbe-be7c-e8bfd3501dc1
             */
            traffic_mirror_target_id?: string | undefined;
            /**
             * @description Type of the mirror target (镜像目的类型): `eni` for an elastic network interface
             *     (弹性网卡), `elb` for a private network load balancer (私网弹性负载均衡).
             * @example elb
             * @enum {string}
             */
            traffic_mirror_target_type?: "eni" | "elb" | undefined;
            /**
             * @description VNI (virtual network ID, 指定VNI) that tells apart, at the mirror target, the
             *     mirrored traffic of different sessions: 0 to 16777215.
             * @example 1
             */
            virtual_network_id?: number | undefined;
            /**
             * @description Maximum transmission unit, MTU (最大传输单元): the longest part of each packet that
             *     is mirrored, 1 to 1460.
             * @example 96
             */
            packet_length?: number | undefined;
            /**
             * @description Session priority (会话优先级), 1 to 32766.
             * @example 11
             */
            priority?: number | undefined;
            /**
             * @description Whether the session is enabled (是否开启会话): the string `"true"` or `"false"`.
             *     It is a string in the request, while the response gives a boolean.
             * @example true
             * @enum {string}
             */
            enabled?: "true" | "false" | undefined;
            /**
             * @description Type of the mirror sources (支持的镜像源类型): `eni`, elastic network interface
             *     (弹性网卡), is the only value.
             * @example eni
             * @enum {string}
             */
            type?: "eni" | undefined;
        };
        /** @description Request body of `UpdateTrafficMirrorSession` (请求Body参数). */
        UpdateTrafficMirrorSessionRequestBody: {
            traffic_mirror_session: components["schemas"]["UpdateTrafficMirrorSessionOption"];
        };
        /** @description A traffic mirror session (流量镜像会话对象) as the service returns it. */
        TrafficMirrorSession: {
            /**
             * @description ID of the session (流量镜像会话ID).
             * @example 16538eda-7e94-4b90-b5f3-a653f62dc817
             */
            id?: string | undefined;
            /**
             * @description ID of the project (项目ID) that owns the session.
             * @example 7365fcd452924e398ec4cc1fe39c0d12
             */
            project_id?: string | undefined;
            /**
             * @description Name of the session (流量镜像会话名称): 1 to 64 characters, each a digit, a
             *     letter, a Chinese character, `_` (underscore), `-` (hyphen) or `.` (dot).
             * @example test-session
             */
            name?: string | undefined;
            /**
             * @description Description of the session (流量镜像会话的描述信息): 0 to 255 characters,
             *     without `<` or `>`.
             * @example
             */
            description?: string | undefined;
            /**
             * @description ID of the traffic mirror filter (流量镜像筛选条件ID).
             * @example b765ba87-c0b4-4f1a-9ec3-d5b1d1ddb137
             */
            traffic_mirror_filter_id?: string | undefined;
            /**
             * @description IDs of the mirror sources (镜像源ID列表); elastic network interfaces can be
             *     sources. A session supports at most 10 sources by default (一个镜像会话默认最大支持10个镜像源);
             *     being a default quota, the limit is not enforced here.
             */
            traffic_mirror_sources?: string[] | undefined;
            /**
             * @description ID of the mirror target (镜像目的ID).
             * @example c9f8acef-d550-4fbe-be7c-e8bfd3501dc1
             */
            traffic_mirror_target_id?: string | undefined;
            /**
             * @description Type of the mirror target (镜像目的类型): `eni` for an elastic network interface
             *     (弹性网卡), `elb` for a private network load balancer (私网弹性负载均衡).
             * @example elb
             * @enum {string}
             */
            traffic_mirror_target_type?: "eni" | "elb" | undefined;
            /**
             * @description VNI (指定VNI) that tells apart the mirrored traffic of different sessions:
             *     0 to 16777215, 1 by default.
             * @default 1
             * @example 1
             */
            virtual_network_id?: number | undefined;
            /**
             * @description Maximum transmission unit, MTU (最大传输单元): 1 to 1460, 96 by default.
             * @default 96
             * @example 96
             */
            packet_length?: number | undefined;
            /**
             * @description Session priority (会话优先级), 1 to 32766.
             * @example 11
             */
            priority?: number | undefined;
            /**
             * @description Whether the session is enabled (是否开启会话), false by default. A boolean here,
             *     while the request takes the string `"true"` or `"false"`.
             * @default false
             * @example true
             */
            enabled?: boolean | undefined;
            /**
             * @description Type of the mirror sources (支持的镜像源类型): `eni`, elastic network interface (弹性网卡).
             * @example eni
             * @enum {string}
             */
            type?: "eni" | undefined;
            /**
             * @description Creation time (创建时间戳), UTC, e.g. `2023-03-23T10:53:12Z`.
             * @example 2023-03-23T10:53:12Z
             */
            created_at?: string | undefined;
            /**
             * @description Time of the last update (更新时间戳), UTC, e.g. `2023-03-23T10:56:54Z`.
             * @example 2023-03-23T10:56:54Z
             */
            updated_at?: string | undefined;
        };
        /** @description Response body of `UpdateTrafficMirrorSession` (响应Body参数). */
        UpdateTrafficMirrorSessionResponseBody: {
            /** @description The session after the update (流量镜像会话对象); always present in a successful answer. */
            traffic_mirror_session: components["schemas"]["TrafficMirrorSession"];
            /**
             * @description ID of the request. Not in the page's table, but present in its response sample
             *     and in Huawei's official SDK model.
             * @example a7ee4a0e-12e9-457a-b739-46bffb2e7bbb
             */
            request_id?: string | undefined;
        };
        /**
         * @description Snapshot fields to change (待更新的快照信息). All are optional. Lengths are counted in
         *     bytes (最大支持255个字节), so `x-max-bytes` carries the real limit; `maxLength` only
         *     rejects what can never fit.
         */
        CinderUpdateSnapshotOption: {
            /**
             * @description Name of the snapshot (云硬盘快照名称), at most 255 bytes. Avoid the prefix
             *     `autobk_snapshot_`: the Volume Backup Service (VBS) gives it to the snapshots it
             *     takes while backing up a disk, and the EVS console restricts what can be done
             *     with such snapshots.
             * @example name_xx3
             */
            name?: string | undefined;
            /**
             * @description Description of the snapshot (云硬盘快照描述), at most 255 bytes.
             * @example hello
             */
            description?: string | undefined;
            /**
             * @description Same as `name` (同name); give either one. If both are given, `name` wins.
             *     At most 255 bytes.
             * @example name_xx3
             */
            display_name?: string | undefined;
            /**
             * @description Same as `description` (同description); give either one. At most 255 bytes.
             * @example hello
             */
            display_description?: string | undefined;
        };
        /** @description Request body of `CinderUpdateSnapshot` (请求参数). */
        CinderUpdateSnapshotRequestBody: {
            snapshot: components["schemas"]["CinderUpdateSnapshotOption"];
        };
        /** @description An EVS snapshot (快照信息) as the service returns it. */
        CinderSnapshot: {
            /**
             * @description ID of the snapshot (云硬盘快照ID).
             * @example f9faf7df-fdc1-4093-9ef3-5cba06eef995
             */
            id?: string | undefined;
            /**
             * @description Status of the snapshot (云硬盘快照的状态), from EVS's snapshot status table
             *     (云硬盘快照状态): `creating` being created; `available` created and ready;
             *     `error` creation failed; `deleting` being deleted; `error_deleting` deletion
             *     failed; `rollbacking` its data is being rolled back to the source disk;
             *     `backing-up` being created from a backup through the native OpenStack API, which
             *     happens automatically when a disk is created from a backup.
             * @example available
             * @enum {string}
             */
            status?: "creating" | "available" | "error" | "deleting" | "error_deleting" | "rollbacking" | "backing-up" | undefined;
            /**
             * @description Name of the snapshot (云硬盘快照名称).
             * @example snap-001
             */
            name?: string | undefined;
            /**
             * @description Description of the snapshot (云硬盘快照描述信息).
             * @example Daily backup
             */
            description?: string | undefined;
            /**
             * @description Creation time (云硬盘快照创建时间), UTC, e.g. `2013-02-25T03:56:53.081642`.
             * @example 2013-02-25T03:56:53.081642
             */
            created_at?: string | undefined;
            /** @description Metadata of the snapshot (云硬盘快照的元数据信息), string keys to string values. */
            metadata?: {
                [key: string]: string;
            } | undefined;
            /**
             * @description ID of the disk the snapshot was taken from (快照所属的云硬盘ID).
             * @example 5aa119a8-d25b-45a7-8d1b-88e127885635
             */
            volume_id?: string | undefined;
            /**
             * @description Size of the snapshot (云硬盘快照大小), in GiB.
             * @example 1
             */
            size?: number | undefined;
            /**
             * @description Time of the last update (云硬盘快照更新时间), UTC, e.g. `2013-02-25T03:56:53.081642`.
             * @example 2013-02-25T03:56:53.081642
             */
            updated_at?: string | undefined;
        };
        /** @description Response body of `CinderUpdateSnapshot` (响应参数). */
        CinderUpdateSnapshotResponseBody: {
            /** @description The snapshot after the update (快照信息); always present in a successful answer. */
            snapshot: components["schemas"]["CinderSnapshot"];
        };
        /** @description Code and message of an OpenStack Cinder style failure. */
        CinderErrorDetail: {
            /**
             * @description Error code. Cinder sends the HTTP status as a number; EVS's page shows a string.
             * @example 404
             */
            code?: number | string | undefined;
            /**
             * @description Error message.
             * @example Snapshot f9faf7df-fdc1-4093-9ef3-5cba06eef995 could not be found.
             */
            message?: string | undefined;
        };
        /**
         * @description OpenStack Cinder error body: one member, named after the kind of error, such as
         *     `badRequest`, `itemNotFound`, `forbidden`, `overLimit` or `computeFault`, holding
         *     its code and message (`{"itemNotFound": {"code": ..., "message": "..."}}`).
         */
        CinderErrorBody: {
            [key: string]: components["schemas"]["CinderErrorDetail"];
        };
        /**
         * @description Error body of EVS: the generic wrapped `HuaweiErrorBody` (the page says `error`
         *     stands for any kind of error), a Cinder body whose member names the kind of error
         *     (`badRequest`, `itemNotFound`, ...), or the API gateway's flat `HuaweiErrorCodeBody`
         *     when the gateway rejects the request before EVS sees it (codes `APIGW.*`).
         */
        EvsErrorBody: components["schemas"]["HuaweiErrorBody"] | components["schemas"]["CinderErrorBody"] | components["schemas"]["HuaweiErrorCodeBody"];
        /** @description New configuration of the external data source (配置信息). Both fields are optional. */
        ReConfigure: {
            /**
             * @description Whether to restart (是否重启) as part of the update.
             * @example false
             */
            reboot?: boolean | undefined;
            /**
             * @description Name of the IAM agency (委托名称) DWS uses to reach the data source.
             * @example DWSAccessOBS
             */
            agency?: string | undefined;
        };
        /** @description Request body of `UpdateDataSource` (请求Body参数). */
        UpdateDataSourceRequestBody: {
            reconfigure: components["schemas"]["ReConfigure"];
        };
        /** @description Response body of `UpdateDataSource` (响应参数). */
        UpdateDataSourceResponseBody: {
            /**
             * @description ID of the job that updates the data source (更新数据源的任务ID); the update runs asynchronously.
             * @example 2c9081c88418ed420184197c8bc80001
             */
            job_id?: string | undefined;
            /**
             * @description ID of the updated data source. Not on the page; from Huawei's official SDK model.
             * @example d303f19c-fbd1-4716-ae04-07d1ff358f22
             */
            data_source_id?: string | undefined;
        };
        /**
         * @description Request body of `UpdateEndpointRoutetable` (请求Body参数). Send it with
         *     `Content-Type: application/json`; the page lists Content-Type as a mandatory
         *     header of 1 to 64 characters.
         */
        UpdateEndpointRoutetableRequestBody: {
            /**
             * @description IDs of the route tables (路由表ID列表) the endpoint should be associated with.
             *     The list appears to replace the current associations: the response reports
             *     both tables that could not be associated and tables that could not be
             *     disassociated.
             */
            routetables: string[];
        };
        /** @description One route table and why it failed. The page spells the name `RoutetableInfoErrorDetial`. */
        RoutetableInfoErrorDetail: {
            /**
             * @description ID of the route table (路由表ID).
             * @example 705290f3-0d00-41f2-aedc-71f09844e879
             */
            id?: string | undefined;
            /**
             * @description Detailed error message (详细错误信息).
             * @example The route table does not exist.
             */
            error_message?: string | undefined;
        };
        /** @description Route tables that could not be associated or disassociated. */
        RoutetableInfoError: {
            /** @description Route tables that could not be associated with the endpoint (绑定终端节点子网路由表失败信息). */
            bind_failed?: components["schemas"]["RoutetableInfoErrorDetail"][] | undefined;
            /** @description Route tables that could not be disassociated from the endpoint (解绑终端节点子网路由表失败信息). */
            unbind_failed?: components["schemas"]["RoutetableInfoErrorDetail"][] | undefined;
        };
        /** @description Response body of `UpdateEndpointRoutetable` (响应Body参数; `RoutetableInfoResp` on the page). */
        UpdateEndpointRoutetableResponseBody: {
            /**
             * @description IDs of the route tables (路由表ID列表) now associated with the endpoint. The page
             *     goes on to call this list the endpoint's whitelist of IPv4 addresses or CIDR
             *     blocks (节点的白名单): a non-empty list replaces the whitelist, an empty one deletes
             *     it, and it is empty by default. That text appears to be copied from the whitelist
             *     field of another VPCEP API.
             */
            routetables?: string[] | undefined;
            /**
             * @description Returned when changing the route tables of the endpoint's subnet failed
             *     (当修改终端节点子网路由表失败时，返回错误提示信息): what could not be changed, and why.
             */
            error?: components["schemas"]["RoutetableInfoError"][] | undefined;
        };
        /**
         * @description Error body of VPC Endpoint. The operation's page documents the wrapped
         *     `HuaweiErrorBody` for every error status; VPC Endpoint's error code reference and
         *     the API gateway (codes `APIGW.*`) use the flat `HuaweiErrorCodeBody`.
         */
        VpcepErrorBody: components["schemas"]["HuaweiErrorBody"] | components["schemas"]["HuaweiErrorCodeBody"];
        /** @description A project (项目) as IAM lists it. A region's own project is named after the region, e.g. `cn-north-4`. */
        KeystoneProject: {
            /**
             * @description Project ID (项目ID).
             * @example 89cd04f168b84af6be287f71730fdb4b
             */
            id: string;
            /**
             * @description Project name (项目名称); a region's default project bears the region ID.
             * @example cn-north-4
             */
            name: string;
            /**
             * @description ID of the account (domain) the project belongs to (项目所属账号ID).
             * @example d78cbac186b744899480f25bd022f468
             */
            domain_id?: string | undefined;
            /**
             * @description ID of the parent: the account, or the region's project for a subproject (如果查询自己创建的项目，则此处返回所属区域的项目ID).
             * @example d78cbac186b744899480f25bd022f468
             */
            parent_id?: string | undefined;
            /**
             * @description Always false for a project (false).
             * @example false
             */
            is_domain?: boolean | undefined;
            /**
             * @description Whether the project is enabled (项目是否可用).
             * @example true
             */
            enabled?: boolean | undefined;
            /**
             * @description Description of the project (项目描述信息).
             * @example
             */
            description?: string | undefined;
            /** @description Resource link of the project (项目的资源链接). */
            links?: {
                /**
                 * @description This project's URL.
                 * @example https://iam.myhuaweicloud.com/v3/projects/89cd04f168b84af6be287f71730fdb4b
                 */
                self?: string | undefined;
            } | undefined;
        };
        /** @description The projects matching the query (项目信息列表). */
        KeystoneListProjectsResponseBody: {
            /** @description The matching projects (项目信息列表); empty when none matches. */
            projects: components["schemas"]["KeystoneProject"][];
            /** @description Links of this page of the list (资源链接信息). */
            links?: {
                /**
                 * @description This page's URL.
                 * @example https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4
                 */
                self?: string | undefined;
                /**
                 * @description The previous page's URL, if any.
                 * @example null
                 */
                previous?: string | null | undefined;
                /**
                 * @description The next page's URL, if any.
                 * @example null
                 */
                next?: string | null | undefined;
            } | undefined;
        };
        /**
         * @description Error body of IAM: Keystone's `{"error": {"code", "message", "title"}}` for errors of
         *     the Keystone-compatible APIs, or the API gateway's flat `HuaweiErrorCodeBody` when
         *     the gateway rejects the request itself (codes `APIGW.*`).
         */
        IamErrorBody: components["schemas"]["HuaweiErrorBody"] | components["schemas"]["HuaweiErrorCodeBody"];
    };
    responses: {
        /** @description Bad request: the request is malformed or a parameter is invalid. */
        VpcBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcErrorBody"];
            };
        };
        /** @description Authentication failed: the token or the AK/SK signature is missing, invalid or expired. */
        VpcUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcErrorBody"];
            };
        };
        /** @description Forbidden: the caller is not allowed to perform this operation. */
        VpcForbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcErrorBody"];
            };
        };
        /** @description Not found: the resource does not exist or is not visible to the caller. */
        VpcNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcErrorBody"];
            };
        };
        /** @description Internal server error. */
        VpcInternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcErrorBody"];
            };
        };
        /** @description Service unavailable: try again later. */
        VpcServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcErrorBody"];
            };
        };
        /** @description Bad request: the request is malformed or a parameter is invalid. */
        EvsBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EvsErrorBody"];
            };
        };
        /** @description Authentication failed: the token or the AK/SK signature is missing, invalid or expired. */
        EvsUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EvsErrorBody"];
            };
        };
        /** @description Forbidden: the caller is not allowed to perform this operation. */
        EvsForbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EvsErrorBody"];
            };
        };
        /** @description Not found: the snapshot does not exist or is not visible to the caller. */
        EvsNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EvsErrorBody"];
            };
        };
        /** @description Internal server error. */
        EvsInternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EvsErrorBody"];
            };
        };
        /** @description Service unavailable: try again later. */
        EvsServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EvsErrorBody"];
            };
        };
        /** @description Bad request (请求错误). */
        DwsBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HuaweiErrorCodeBody"];
            };
        };
        /** @description Authentication failed (鉴权失败). */
        DwsUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HuaweiErrorCodeBody"];
            };
        };
        /** @description No permission for the operation (没有操作权限). */
        DwsForbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HuaweiErrorCodeBody"];
            };
        };
        /** @description Resource not found (找不到资源). */
        DwsNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HuaweiErrorCodeBody"];
            };
        };
        /** @description Internal service error (服务内部错误). */
        DwsInternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HuaweiErrorCodeBody"];
            };
        };
        /** @description Service unavailable (服务不可用). */
        DwsServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HuaweiErrorCodeBody"];
            };
        };
        /** @description The server could not process the request (服务器未能处理请求). */
        VpcepBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request must be authenticated (被请求的页面需要用户名和密码). */
        VpcepUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description Access to the requested resource is forbidden (对被请求页面的访问被禁止). */
        VpcepForbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The server could not find the requested resource (服务器无法找到被请求的页面). */
        VpcepNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The method of the request is not allowed (请求中指定的方法不被允许). */
        VpcepMethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The server cannot produce a response the client accepts (服务器生成的响应无法被客户端所接受). */
        VpcepNotAcceptable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The client must first authenticate with the proxy (用户必须首先使用代理服务器进行验证，这样请求才会被处理). */
        VpcepProxyAuthenticationRequired: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request took longer than the server was prepared to wait (请求超出了服务器的等待时间). */
        VpcepRequestTimeout: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request could not be completed because of a conflict (由于冲突，请求无法被完成). */
        VpcepConflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request was not completed: the service failed (请求未完成。服务异常). */
        VpcepInternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request was not completed: the server does not support the requested function (请求未完成。服务器不支持所请求的功能). */
        VpcepNotImplemented: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request was not completed: the server received an invalid response from an upstream server (请求未完成。服务器从上游服务器收到一个无效的响应). */
        VpcepBadGateway: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description The request was not completed: the system is temporarily unavailable (请求未完成。系统暂时异常). */
        VpcepServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description Gateway timeout (网关超时). */
        VpcepGatewayTimeout: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VpcepErrorBody"];
            };
        };
        /** @description Bad request: a query parameter is invalid. */
        IamBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamErrorBody"];
            };
        };
        /** @description Authentication failed: the token or the AK/SK signature is missing, invalid or expired. */
        IamUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamErrorBody"];
            };
        };
        /** @description Forbidden: the caller may not list projects. */
        IamForbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamErrorBody"];
            };
        };
        /** @description Internal server error (内部服务错误). */
        IamInternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamErrorBody"];
            };
        };
        /** @description Service unavailable (服务不可用): try again later. */
        IamServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamErrorBody"];
            };
        };
    };
    parameters: {
        /** @description Unique ID of the VPC peering connection (对等连接的唯一标识). */
        PeeringId: string;
        /**
         * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
         *     under "My Credentials", or with IAM's "query projects" API.
         */
        ProjectId: string;
        /** @description ID of the traffic mirror session (流量镜像会话ID) to update. */
        TrafficMirrorSessionId: string;
        /** @description ID of the EVS snapshot (快照ID) to update. */
        SnapshotId: string;
        /**
         * @description ID of the DWS cluster (集群ID) the data source belongs to. The page points to DWS's
         *     "Obtaining a Cluster ID" (获取集群ID) for where to find it.
         */
        ClusterId: string;
        /** @description ID of the external data source configuration (数据源配置ID) to update. */
        ExtDataSourceId: string;
        /** @description Project ID (项目ID) of the region the VPC endpoint lives in; 1 to 64 characters. */
        VpcepProjectId: string;
        /** @description ID of the VPC endpoint (终端节点的ID); 1 to 64 characters. */
        VpcEndpointId: string;
        /**
         * @description IAM user token (用户Token), 1 to 2048 characters: the value of the `X-Subject-Token`
         *     header returned by IAM's "get user token" API. The page marks it mandatory, but it is
         *     one of two ways to authenticate: a request signed with AK/SK (`Authorization` and
         *     `X-Sdk-Date`) leaves it out. It is the same header as the `iamToken` security scheme.
         */
        XAuthToken: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description ID Huawei Cloud gives this request. Every answer, success or failure, carries it;
         *     quote it when contacting Huawei support.
         */
        "X-Request-Id": string;
    };
    pathItems: never;
};
export type UpdateVpcPeeringOption = components['schemas']['UpdateVpcPeeringOption'];
export type UpdateVpcPeeringRequestBody = components['schemas']['UpdateVpcPeeringRequestBody'];
export type VpcInfo = components['schemas']['VpcInfo'];
export type VpcPeering = components['schemas']['VpcPeering'];
export type UpdateVpcPeeringResponseBody = components['schemas']['UpdateVpcPeeringResponseBody'];
export type HuaweiErrorCodeBody = components['schemas']['HuaweiErrorCodeBody'];
export type HuaweiError = components['schemas']['HuaweiError'];
export type HuaweiErrorBody = components['schemas']['HuaweiErrorBody'];
export type VpcErrorBody = components['schemas']['VpcErrorBody'];
export type UpdateTrafficMirrorSessionOption = components['schemas']['UpdateTrafficMirrorSessionOption'];
export type UpdateTrafficMirrorSessionRequestBody = components['schemas']['UpdateTrafficMirrorSessionRequestBody'];
export type TrafficMirrorSession = components['schemas']['TrafficMirrorSession'];
export type UpdateTrafficMirrorSessionResponseBody = components['schemas']['UpdateTrafficMirrorSessionResponseBody'];
export type CinderUpdateSnapshotOption = components['schemas']['CinderUpdateSnapshotOption'];
export type CinderUpdateSnapshotRequestBody = components['schemas']['CinderUpdateSnapshotRequestBody'];
export type CinderSnapshot = components['schemas']['CinderSnapshot'];
export type CinderUpdateSnapshotResponseBody = components['schemas']['CinderUpdateSnapshotResponseBody'];
export type CinderErrorDetail = components['schemas']['CinderErrorDetail'];
export type CinderErrorBody = components['schemas']['CinderErrorBody'];
export type EvsErrorBody = components['schemas']['EvsErrorBody'];
export type ReConfigure = components['schemas']['ReConfigure'];
export type UpdateDataSourceRequestBody = components['schemas']['UpdateDataSourceRequestBody'];
export type UpdateDataSourceResponseBody = components['schemas']['UpdateDataSourceResponseBody'];
export type UpdateEndpointRoutetableRequestBody = components['schemas']['UpdateEndpointRoutetableRequestBody'];
export type RoutetableInfoErrorDetail = components['schemas']['RoutetableInfoErrorDetail'];
export type RoutetableInfoError = components['schemas']['RoutetableInfoError'];
export type UpdateEndpointRoutetableResponseBody = components['schemas']['UpdateEndpointRoutetableResponseBody'];
export type VpcepErrorBody = components['schemas']['VpcepErrorBody'];
export type KeystoneProject = components['schemas']['KeystoneProject'];
export type KeystoneListProjectsResponseBody = components['schemas']['KeystoneListProjectsResponseBody'];
export type IamErrorBody = components['schemas']['IamErrorBody'];
export type ResponseVpcBadRequest = components['responses']['VpcBadRequest'];
export type ResponseVpcUnauthorized = components['responses']['VpcUnauthorized'];
export type ResponseVpcForbidden = components['responses']['VpcForbidden'];
export type ResponseVpcNotFound = components['responses']['VpcNotFound'];
export type ResponseVpcInternalServerError = components['responses']['VpcInternalServerError'];
export type ResponseVpcServiceUnavailable = components['responses']['VpcServiceUnavailable'];
export type ResponseEvsBadRequest = components['responses']['EvsBadRequest'];
export type ResponseEvsUnauthorized = components['responses']['EvsUnauthorized'];
export type ResponseEvsForbidden = components['responses']['EvsForbidden'];
export type ResponseEvsNotFound = components['responses']['EvsNotFound'];
export type ResponseEvsInternalServerError = components['responses']['EvsInternalServerError'];
export type ResponseEvsServiceUnavailable = components['responses']['EvsServiceUnavailable'];
export type ResponseDwsBadRequest = components['responses']['DwsBadRequest'];
export type ResponseDwsUnauthorized = components['responses']['DwsUnauthorized'];
export type ResponseDwsForbidden = components['responses']['DwsForbidden'];
export type ResponseDwsNotFound = components['responses']['DwsNotFound'];
export type ResponseDwsInternalServerError = components['responses']['DwsInternalServerError'];
export type ResponseDwsServiceUnavailable = components['responses']['DwsServiceUnavailable'];
export type ResponseVpcepBadRequest = components['responses']['VpcepBadRequest'];
export type ResponseVpcepUnauthorized = components['responses']['VpcepUnauthorized'];
export type ResponseVpcepForbidden = components['responses']['VpcepForbidden'];
export type ResponseVpcepNotFound = components['responses']['VpcepNotFound'];
export type ResponseVpcepMethodNotAllowed = components['responses']['VpcepMethodNotAllowed'];
export type ResponseVpcepNotAcceptable = components['responses']['VpcepNotAcceptable'];
export type ResponseVpcepProxyAuthenticationRequired = components['responses']['VpcepProxyAuthenticationRequired'];
export type ResponseVpcepRequestTimeout = components['responses']['VpcepRequestTimeout'];
export type ResponseVpcepConflict = components['responses']['VpcepConflict'];
export type ResponseVpcepInternalServerError = components['responses']['VpcepInternalServerError'];
export type ResponseVpcepNotImplemented = components['responses']['VpcepNotImplemented'];
export type ResponseVpcepBadGateway = components['responses']['VpcepBadGateway'];
export type ResponseVpcepServiceUnavailable = components['responses']['VpcepServiceUnavailable'];
export type ResponseVpcepGatewayTimeout = components['responses']['VpcepGatewayTimeout'];
export type ResponseIamBadRequest = components['responses']['IamBadRequest'];
export type ResponseIamUnauthorized = components['responses']['IamUnauthorized'];
export type ResponseIamForbidden = components['responses']['IamForbidden'];
export type ResponseIamInternalServerError = components['responses']['IamInternalServerError'];
export type ResponseIamServiceUnavailable = components['responses']['IamServiceUnavailable'];
export type ParameterPeeringId = components['parameters']['PeeringId'];
export type ParameterProjectId = components['parameters']['ProjectId'];
export type ParameterTrafficMirrorSessionId = components['parameters']['TrafficMirrorSessionId'];
export type ParameterSnapshotId = components['parameters']['SnapshotId'];
export type ParameterClusterId = components['parameters']['ClusterId'];
export type ParameterExtDataSourceId = components['parameters']['ExtDataSourceId'];
export type ParameterVpcepProjectId = components['parameters']['VpcepProjectId'];
export type ParameterVpcEndpointId = components['parameters']['VpcEndpointId'];
export type ParameterXAuthToken = components['parameters']['XAuthToken'];
export type HeaderXRequestId = components['headers']['X-Request-Id'];
export type $defs = Record<string, never>;
export interface operations {
    UpdateVpcPeering: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique ID of the VPC peering connection (对等连接的唯一标识). */
                peering_id: components["parameters"]["PeeringId"];
            };
            cookie?: never;
        };
        /** @description The fields to change, wrapped in `peering`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateVpcPeeringRequestBody"];
            };
        };
        responses: {
            /** @description The peering connection after the update. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateVpcPeeringResponseBody"];
                };
            };
            400: components["responses"]["VpcBadRequest"];
            401: components["responses"]["VpcUnauthorized"];
            403: components["responses"]["VpcForbidden"];
            404: components["responses"]["VpcNotFound"];
            500: components["responses"]["VpcInternalServerError"];
            503: components["responses"]["VpcServiceUnavailable"];
        };
    };
    UpdateTrafficMirrorSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
                 *     under "My Credentials", or with IAM's "query projects" API.
                 */
                project_id: components["parameters"]["ProjectId"];
                /** @description ID of the traffic mirror session (流量镜像会话ID) to update. */
                traffic_mirror_session_id: components["parameters"]["TrafficMirrorSessionId"];
            };
            cookie?: never;
        };
        /** @description The fields to change, wrapped in `traffic_mirror_session`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTrafficMirrorSessionRequestBody"];
            };
        };
        responses: {
            /** @description OK. The session after the update. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateTrafficMirrorSessionResponseBody"];
                };
            };
            400: components["responses"]["VpcBadRequest"];
            401: components["responses"]["VpcUnauthorized"];
            403: components["responses"]["VpcForbidden"];
            404: components["responses"]["VpcNotFound"];
            500: components["responses"]["VpcInternalServerError"];
            503: components["responses"]["VpcServiceUnavailable"];
        };
    };
    CinderUpdateSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
                 *     under "My Credentials", or with IAM's "query projects" API.
                 */
                project_id: components["parameters"]["ProjectId"];
                /** @description ID of the EVS snapshot (快照ID) to update. */
                snapshot_id: components["parameters"]["SnapshotId"];
            };
            cookie?: never;
        };
        /** @description The fields to change, wrapped in `snapshot`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CinderUpdateSnapshotRequestBody"];
            };
        };
        responses: {
            /** @description The snapshot after the update. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CinderUpdateSnapshotResponseBody"];
                };
            };
            400: components["responses"]["EvsBadRequest"];
            401: components["responses"]["EvsUnauthorized"];
            403: components["responses"]["EvsForbidden"];
            404: components["responses"]["EvsNotFound"];
            500: components["responses"]["EvsInternalServerError"];
            503: components["responses"]["EvsServiceUnavailable"];
        };
    };
    UpdateDataSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (项目ID) of the region the resource lives in. Find it in the console
                 *     under "My Credentials", or with IAM's "query projects" API.
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description ID of the DWS cluster (集群ID) the data source belongs to. The page points to DWS's
                 *     "Obtaining a Cluster ID" (获取集群ID) for where to find it.
                 */
                cluster_id: components["parameters"]["ClusterId"];
                /** @description ID of the external data source configuration (数据源配置ID) to update. */
                ext_data_source_id: components["parameters"]["ExtDataSourceId"];
            };
            cookie?: never;
        };
        /** @description The new configuration, wrapped in `reconfigure`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDataSourceRequestBody"];
            };
        };
        responses: {
            /** @description The data source update request succeeded (更新数据源请求成功). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateDataSourceResponseBody"];
                };
            };
            400: components["responses"]["DwsBadRequest"];
            401: components["responses"]["DwsUnauthorized"];
            403: components["responses"]["DwsForbidden"];
            404: components["responses"]["DwsNotFound"];
            500: components["responses"]["DwsInternalServerError"];
            503: components["responses"]["DwsServiceUnavailable"];
        };
    };
    UpdateEndpointRoutetable: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description IAM user token (用户Token), 1 to 2048 characters: the value of the `X-Subject-Token`
                 *     header returned by IAM's "get user token" API. The page marks it mandatory, but it is
                 *     one of two ways to authenticate: a request signed with AK/SK (`Authorization` and
                 *     `X-Sdk-Date`) leaves it out. It is the same header as the `iamToken` security scheme.
                 */
                "X-Auth-Token"?: components["parameters"]["XAuthToken"] | undefined;
            } | undefined;
            path: {
                /** @description Project ID (项目ID) of the region the VPC endpoint lives in; 1 to 64 characters. */
                project_id: components["parameters"]["VpcepProjectId"];
                /** @description ID of the VPC endpoint (终端节点的ID); 1 to 64 characters. */
                vpc_endpoint_id: components["parameters"]["VpcEndpointId"];
            };
            cookie?: never;
        };
        /**
         * @description The route table IDs, as `application/json` (the page lists `Content-Type` as a
         *     mandatory header of 1 to 64 characters; `application/json` is the recommended value).
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEndpointRoutetableRequestBody"];
            };
        };
        responses: {
            /** @description The server successfully processed the request (服务器已成功处理了请求). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateEndpointRoutetableResponseBody"];
                };
            };
            400: components["responses"]["VpcepBadRequest"];
            401: components["responses"]["VpcepUnauthorized"];
            403: components["responses"]["VpcepForbidden"];
            404: components["responses"]["VpcepNotFound"];
            405: components["responses"]["VpcepMethodNotAllowed"];
            406: components["responses"]["VpcepNotAcceptable"];
            407: components["responses"]["VpcepProxyAuthenticationRequired"];
            408: components["responses"]["VpcepRequestTimeout"];
            409: components["responses"]["VpcepConflict"];
            500: components["responses"]["VpcepInternalServerError"];
            501: components["responses"]["VpcepNotImplemented"];
            502: components["responses"]["VpcepBadGateway"];
            503: components["responses"]["VpcepServiceUnavailable"];
            504: components["responses"]["VpcepGatewayTimeout"];
        };
    };
    KeystoneListProjects: {
        parameters: {
            query?: {
                /** @description Account ID (账号ID) the projects belong to. */
                domain_id?: string | undefined;
                /** @description Project name (项目名称), e.g. a region ID such as `cn-north-4`. */
                name?: string | undefined;
                /**
                 * @description ID of the parent of the projects. To list the projects you created yourself (subprojects),
                 *     give the ID of the project of the region they belong to
                 *     (如果查询自己创建的项目，则此处应填为所属区域的项目ID).
                 */
                parent_id?: string | undefined;
                /** @description Only enabled (true) or only disabled (false) projects (项目是否启用). */
                enabled?: boolean | undefined;
                /** @description Must be false when given (false). */
                is_domain?: false | undefined;
                /** @description Page to list (分页查询时数据的页数), from 1; give it with `per_page`. */
                page?: number | undefined;
                /** @description Projects per page (分页查询时每页的数据个数), 1 to 5000; give it with `page`. */
                per_page?: number | undefined;
            } | undefined;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching projects (请求成功). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeystoneListProjectsResponseBody"];
                };
            };
            400: components["responses"]["IamBadRequest"];
            401: components["responses"]["IamUnauthorized"];
            403: components["responses"]["IamForbidden"];
            500: components["responses"]["IamInternalServerError"];
            503: components["responses"]["IamServiceUnavailable"];
        };
    };
}
