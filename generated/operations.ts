// Generated from openapi/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit: change the spec and regenerate.

/** Every operation of the spec, keyed by operationId. */
export const operations = {
  "UpdateVpcPeering": {
    "operationId": "UpdateVpcPeering",
    "method": "PUT",
    "path": "/v2.0/vpc/peerings/{peering_id}",
    "service": "vpc",
    "server": "https://vpc.{region}.myhuaweicloud.com",
    "tag": "VPC",
    "summary": "Update a VPC peering connection",
    "idempotent": true,
    "pathParams": [
      "peering_id"
    ]
  },
  "UpdateTrafficMirrorSession": {
    "operationId": "UpdateTrafficMirrorSession",
    "method": "PUT",
    "path": "/v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}",
    "service": "vpc",
    "server": "https://vpc.{region}.myhuaweicloud.com",
    "tag": "VPC",
    "summary": "Update a traffic mirror session",
    "idempotent": true,
    "pathParams": [
      "project_id",
      "traffic_mirror_session_id"
    ]
  },
  "CinderUpdateSnapshot": {
    "operationId": "CinderUpdateSnapshot",
    "method": "PUT",
    "path": "/v2/{project_id}/snapshots/{snapshot_id}",
    "service": "evs",
    "server": "https://evs.{region}.myhuaweicloud.com",
    "tag": "EVS",
    "summary": "Update an EVS snapshot",
    "idempotent": true,
    "pathParams": [
      "project_id",
      "snapshot_id"
    ]
  },
  "UpdateDataSource": {
    "operationId": "UpdateDataSource",
    "method": "PUT",
    "path": "/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}",
    "service": "dws",
    "server": "https://dws.{region}.myhuaweicloud.com",
    "tag": "DWS",
    "summary": "Update an external data source",
    "idempotent": true,
    "pathParams": [
      "project_id",
      "cluster_id",
      "ext_data_source_id"
    ]
  },
  "UpdateEndpointRoutetable": {
    "operationId": "UpdateEndpointRoutetable",
    "method": "PUT",
    "path": "/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables",
    "service": "vpcep",
    "server": "https://vpcep.{region}.myhuaweicloud.com",
    "tag": "VPCEP",
    "summary": "Update the route tables of a VPC endpoint",
    "idempotent": true,
    "pathParams": [
      "project_id",
      "vpc_endpoint_id"
    ]
  }
} as const;

export type OperationId = keyof typeof operations;
export type Operation = (typeof operations)[OperationId];
export type Service = Operation["service"];

/** JSON Schemas of each operation's path parameters and request body, as the spec states them. */
export const operationSchemas: Record<OperationId, { path: Record<string, unknown>; body?: Record<string, unknown>; bodyRequired: boolean }> = {
  "UpdateVpcPeering": {
    "path": {
      "type": "object",
      "properties": {
        "peering_id": {
          "type": "string",
          "minLength": 1
        }
      },
      "required": [
        "peering_id"
      ],
      "additionalProperties": false
    },
    "body": {
      "type": "object",
      "description": "Request body of `UpdateVpcPeering` (请求参数).",
      "required": [
        "peering"
      ],
      "additionalProperties": false,
      "properties": {
        "peering": {
          "type": "object",
          "x-zh-name": "peering对象",
          "description": "Fields of the peering connection to change (peering对象中要更新的字段). No single\nfield is mandatory, but at least one must be given (更新操作时至少指定一项属性).\nThe page says only `name` can be updated for now; `description` comes from Huawei's\nofficial SDK model (`UpdateVpcPeeringOption`).\n",
          "minProperties": 1,
          "additionalProperties": false,
          "properties": {
            "name": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "description": "New name of the peering connection (对等连接名称), 1 to 64 characters. The page\nitself states no limits; these are from the peering object table of Huawei's\nVPC peering API overview (对等连接API简介).\n",
              "examples": [
                "test2"
              ]
            },
            "description": {
              "type": "string",
              "maxLength": 255,
              "pattern": "^[^<>]*$",
              "description": "New description of the peering connection (对等连接描述), 0 to 255 characters,\nwithout `<` or `>`. Not on the page; from Huawei's official SDK model and the\nVPC peering API reference.\n",
              "examples": [
                "Peering between the production and the shared-services VPC"
              ]
            }
          }
        }
      }
    },
    "bodyRequired": true
  },
  "UpdateTrafficMirrorSession": {
    "path": {
      "type": "object",
      "properties": {
        "project_id": {
          "type": "string",
          "minLength": 1
        },
        "traffic_mirror_session_id": {
          "type": "string",
          "minLength": 1
        }
      },
      "required": [
        "project_id",
        "traffic_mirror_session_id"
      ],
      "additionalProperties": false
    },
    "body": {
      "type": "object",
      "description": "Request body of `UpdateTrafficMirrorSession` (请求Body参数).",
      "required": [
        "traffic_mirror_session"
      ],
      "additionalProperties": false,
      "properties": {
        "traffic_mirror_session": {
          "type": "object",
          "x-zh-name": "流量镜像会话对象",
          "description": "Fields of the traffic mirror session to change (流量镜像会话对象). Every field is\noptional; fields left out keep their value. At least one must be given, since an\nupdate that changes nothing is a mistake rather than a request.\n",
          "minProperties": 1,
          "additionalProperties": false,
          "properties": {
            "name": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "pattern": "^[\\u4e00-\\u9fa5A-Za-z0-9_.-]*$",
              "description": "Name of the session (流量镜像会话名称): 1 to 64 characters, each a digit, a\nletter, a Chinese character, `_` (underscore), `-` (hyphen) or `.` (dot).\n",
              "examples": [
                "test-session"
              ]
            },
            "description": {
              "type": "string",
              "maxLength": 255,
              "pattern": "^[^<>]*$",
              "description": "Description of the session (流量镜像会话的描述信息): 0 to 255 characters,\nwithout `<` or `>`.\n",
              "examples": [
                "Mirror web traffic to the IDS"
              ]
            },
            "traffic_mirror_filter_id": {
              "type": "string",
              "description": "ID of the traffic mirror filter (流量镜像筛选条件ID) that selects the traffic to mirror.",
              "examples": [
                "b765ba87-c0b4-4f1a-9ec3-d5b1d1ddb137"
              ]
            },
            "traffic_mirror_target_id": {
              "type": "string",
              "description": "ID of the mirror target (镜像目标ID).",
              "examples": [
                "c9f8acef-d550-4fbe-be7c-e8bfd3501dc1"
              ]
            },
            "traffic_mirror_target_type": {
              "type": "string",
              "description": "Type of the mirror target (镜像目的类型): `eni` for an elastic network interface\n(弹性网卡), `elb` for a private network load balancer (私网弹性负载均衡).\n",
              "enum": [
                "eni",
                "elb"
              ],
              "examples": [
                "elb"
              ]
            },
            "virtual_network_id": {
              "type": "integer",
              "minimum": 0,
              "maximum": 16777215,
              "description": "VNI (virtual network ID, 指定VNI) that tells apart, at the mirror target, the\nmirrored traffic of different sessions: 0 to 16777215.\n",
              "examples": [
                1
              ]
            },
            "packet_length": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1460,
              "description": "Maximum transmission unit, MTU (最大传输单元): the longest part of each packet that\nis mirrored, 1 to 1460.\n",
              "examples": [
                96
              ]
            },
            "priority": {
              "type": "integer",
              "minimum": 1,
              "maximum": 32766,
              "description": "Session priority (会话优先级), 1 to 32766.",
              "examples": [
                11
              ]
            },
            "enabled": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ],
              "description": "Whether the session is enabled (是否开启会话): the string `\"true\"` or `\"false\"`.\nIt is a string in the request, while the response gives a boolean.\n",
              "examples": [
                "true"
              ]
            },
            "type": {
              "type": "string",
              "enum": [
                "eni"
              ],
              "description": "Type of the mirror sources (支持的镜像源类型): `eni`, elastic network interface\n(弹性网卡), is the only value.\n",
              "examples": [
                "eni"
              ]
            }
          }
        }
      }
    },
    "bodyRequired": true
  },
  "CinderUpdateSnapshot": {
    "path": {
      "type": "object",
      "properties": {
        "project_id": {
          "type": "string",
          "minLength": 1
        },
        "snapshot_id": {
          "type": "string",
          "minLength": 1
        }
      },
      "required": [
        "project_id",
        "snapshot_id"
      ],
      "additionalProperties": false
    },
    "body": {
      "type": "object",
      "description": "Request body of `CinderUpdateSnapshot` (请求参数).",
      "required": [
        "snapshot"
      ],
      "additionalProperties": false,
      "properties": {
        "snapshot": {
          "type": "object",
          "x-zh-name": "待更新的快照信息",
          "description": "Snapshot fields to change (待更新的快照信息). All are optional. Lengths are counted in\nbytes (最大支持255个字节), so `x-max-bytes` carries the real limit; `maxLength` only\nrejects what can never fit.\n",
          "additionalProperties": false,
          "properties": {
            "name": {
              "type": "string",
              "maxLength": 255,
              "x-max-bytes": 255,
              "description": "Name of the snapshot (云硬盘快照名称), at most 255 bytes. Avoid the prefix\n`autobk_snapshot_`: the Volume Backup Service (VBS) gives it to the snapshots it\ntakes while backing up a disk, and the EVS console restricts what can be done\nwith such snapshots.\n",
              "examples": [
                "name_xx3"
              ]
            },
            "description": {
              "type": "string",
              "maxLength": 255,
              "x-max-bytes": 255,
              "description": "Description of the snapshot (云硬盘快照描述), at most 255 bytes.",
              "examples": [
                "hello"
              ]
            },
            "display_name": {
              "type": "string",
              "maxLength": 255,
              "x-max-bytes": 255,
              "description": "Same as `name` (同name); give either one. If both are given, `name` wins.\nAt most 255 bytes.\n",
              "examples": [
                "name_xx3"
              ]
            },
            "display_description": {
              "type": "string",
              "maxLength": 255,
              "x-max-bytes": 255,
              "description": "Same as `description` (同description); give either one. At most 255 bytes.\n",
              "examples": [
                "hello"
              ]
            }
          }
        }
      }
    },
    "bodyRequired": true
  },
  "UpdateDataSource": {
    "path": {
      "type": "object",
      "properties": {
        "project_id": {
          "type": "string",
          "minLength": 1
        },
        "cluster_id": {
          "type": "string",
          "minLength": 1
        },
        "ext_data_source_id": {
          "type": "string",
          "minLength": 1
        }
      },
      "required": [
        "project_id",
        "cluster_id",
        "ext_data_source_id"
      ],
      "additionalProperties": false
    },
    "body": {
      "type": "object",
      "description": "Request body of `UpdateDataSource` (请求Body参数).",
      "required": [
        "reconfigure"
      ],
      "additionalProperties": false,
      "properties": {
        "reconfigure": {
          "type": "object",
          "x-zh-name": "配置信息",
          "description": "New configuration of the external data source (配置信息). Both fields are optional.",
          "additionalProperties": false,
          "properties": {
            "reboot": {
              "type": "boolean",
              "description": "Whether to restart (是否重启) as part of the update.",
              "examples": [
                false
              ]
            },
            "agency": {
              "type": "string",
              "description": "Name of the IAM agency (委托名称) DWS uses to reach the data source.",
              "examples": [
                "DWSAccessOBS"
              ]
            }
          }
        }
      }
    },
    "bodyRequired": true
  },
  "UpdateEndpointRoutetable": {
    "path": {
      "type": "object",
      "properties": {
        "project_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        },
        "vpc_endpoint_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        }
      },
      "required": [
        "project_id",
        "vpc_endpoint_id"
      ],
      "additionalProperties": false
    },
    "body": {
      "type": "object",
      "description": "Request body of `UpdateEndpointRoutetable` (请求Body参数). Send it with\n`Content-Type: application/json`; the page lists Content-Type as a mandatory\nheader of 1 to 64 characters.\n",
      "required": [
        "routetables"
      ],
      "additionalProperties": false,
      "properties": {
        "routetables": {
          "type": "array",
          "description": "IDs of the route tables (路由表ID列表) the endpoint should be associated with.\nThe list appears to replace the current associations: the response reports\nboth tables that could not be associated and tables that could not be\ndisassociated.\n",
          "items": {
            "type": "string",
            "examples": [
              "705290f3-0d00-41f2-aedc-71f09844e879"
            ]
          }
        }
      }
    },
    "bodyRequired": true
  }
};
