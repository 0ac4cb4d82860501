// Curated aliases: what people actually write for a service, merged into the catalog by slug.
//
// Every alias listed here matches on its own in free text (service-matcher.ts), so an alias must
// be distinctive: abbreviations, alternative/old names, Korean spellings. The Korean spellings were
// collected from real write-ups (test-fixtures/writeups) plus the usual spellings of the
// most-discussed services. An alias may carry its own prefix ("AWS 글루") when the bare word is
// too ordinary; the matcher then accepts "AWS"/"Amazon"/"아마존" in front of it.
//
// Deliberately NOT aliases (ordinary words in Korean tech notes, they would tag every note):
// "로드 밸런싱"/"로드 밸런서" (any load balancer), "머신 러닝"/"Machine Learning" (the field, not
// the 2015 service), "VPN", "콘솔", "파이프라인", "코드 커밋"/"코드 빌드" (read as "commit/build code"),
// "엑스레이", "워크스페이스", "카프카".

export type CuratedAliases = { en?: string[]; ko?: string[] };

export const CURATED_ALIASES: Readonly<Record<string, CuratedAliases>> = {
  // Compute
  ec2: { en: ["Elastic Compute Cloud"] },
  "ec2-auto-scaling": {
    en: ["Auto Scaling", "Auto Scaling Group", "ASG"],
    ko: ["오토 스케일링", "오토 스케일링 그룹", "오토 스케일", "오토 스케일 그룹", "오토스케일링 그룹"],
  },
  lambda: { ko: ["람다", "람다 함수", "람다 펑션", "람다 펑션즈"] },
  "elastic-beanstalk": { en: ["Beanstalk"], ko: ["엘라스틱 빈스톡", "빈스톡"] },
  fargate: { ko: ["파게이트"] },
  lightsail: { ko: ["라이트 세일"] },
  ecs: { en: ["EC2 Container Service"] },
  ecr: { en: ["EC2 Container Registry"] },

  // Storage
  glacier: { en: ["Glacier"], ko: ["글래시어", "S3 글래시어"] },
  ebs: { ko: ["엘라스틱 블록 스토어"] },
  efs: { ko: ["엘라스틱 파일 시스템"] },
  "storage-gateway": { ko: ["스토리지 게이트웨이"] },
  snowball: { ko: ["스노우볼", "스노볼"] },

  // Database
  rds: { en: ["Relational Database Service"] },
  // "RDS Aurora" is how 2015-era talks named Aurora; longest match makes it Aurora only.
  aurora: { en: ["RDS Aurora"], ko: ["오로라"] },
  dynamodb: { en: ["Dynamo"], ko: ["다이나모", "다이나모 DB", "다이나모 디비"] },
  elasticache: {
    en: ["Elastic Cache"],
    ko: ["엘라스티캐시", "엘라스틱 캐시", "일래스티캐시", "일래스틱 캐시", "엘라스티 캐시"],
  },
  dms: { en: ["DMS"] },

  // Networking & content delivery
  vpc: { ko: ["가상 프라이빗 클라우드"] },
  elb: {
    en: [
      "ELB",
      "ALB",
      "NLB",
      "CLB",
      "GWLB",
      "Elastic Load Balancer",
      "Application Load Balancer",
      "Network Load Balancer",
      "Classic Load Balancer",
      "Gateway Load Balancer",
    ],
    ko: [
      "엘라스틱 로드 밸런싱",
      "엘라스틱 로드 밸런서",
      "일래스틱 로드 밸런싱",
      "일래스틱 로드 밸런서",
      "애플리케이션 로드 밸런서",
      "네트워크 로드 밸런서",
    ],
  },
  cloudfront: { ko: ["클라우드 프론트", "클라우드 프런트"] },
  route53: { ko: ["라우트 53"] },
  "api-gateway": { ko: ["API 게이트웨이", "에이피아이 게이트웨이"] },
  "direct-connect": { ko: ["다이렉트 커넥트"] },
  "transit-gateway": { en: ["TGW"], ko: ["트랜짓 게이트웨이"] },
  "global-accelerator": { ko: ["글로벌 액셀러레이터"] },

  // Analytics
  athena: { ko: ["아테나"] },
  redshift: { ko: ["레드시프트", "레드쉬프트"] },
  kinesis: { ko: ["키네시스"] },
  "kinesis-data-streams": { ko: ["키네시스 데이터 스트림"] },
  "kinesis-data-firehose": {
    en: ["Kinesis Firehose", "Data Firehose", "Firehose"],
    ko: ["키네시스 파이어호스", "파이어호스"],
  },
  emr: { en: ["Elastic MapReduce"], ko: ["엘라스틱 맵리듀스"] },
  // Renamed in 2023 to "Amazon Managed Service for Apache Flink".
  "kinesis-data-analytics": {
    en: ["Managed Service for Apache Flink", "Amazon Managed Service for Apache Flink", "Managed Apache Flink"],
  },
  quicksight: { ko: ["퀵 사이트"] },
  glue: {
    en: ["Glue Data Catalog", "Glue Crawler", "Glue ETL", "Glue Studio"],
    ko: ["AWS 글루", "글루 카탈로그", "글루 크롤러"],
  },
  "lake-formation": { ko: ["레이크 포메이션"] },
  "elasticsearch-service": {
    en: ["OpenSearch Service", "Amazon OpenSearch", "OpenSearch", "Elasticsearch Service"],
    ko: ["오픈서치", "오픈 서치", "일래스틱서치", "엘라스틱서치", "일래스틱 서치", "엘라스틱 서치"],
  },

  // App integration
  "step-functions": { en: ["Step Function"], ko: ["스텝 펑션", "스텝 펑션즈"] },
  eventbridge: { ko: ["이벤트 브리지", "이벤트 브릿지"] },
  appsync: { ko: ["앱 싱크"] },

  // Management & governance
  cloudwatch: { ko: ["클라우드 왓치", "클라우드 와치", "클라우드 워치"] },
  cloudformation: { ko: ["클라우드 포메이션"] },
  cloudtrail: { ko: ["클라우드 트레일"] },
  opsworks: { ko: ["옵스 웍스"] },
  "trusted-advisor": { ko: ["트러스티드 어드바이저"] },
  "systems-manager": { en: ["SSM"], ko: ["시스템즈 매니저"] },
  "control-tower": { ko: ["AWS 컨트롤 타워"] },

  // Security, identity & compliance
  iam: { ko: ["자격 증명 및 액세스 관리"] },
  acm: { en: ["ACM"] },
  cognito: { ko: ["코그니토"] },
  guardduty: { ko: ["가드 듀티"] },
  "secrets-manager": { ko: ["시크릿 매니저", "시크릿츠 매니저"] },
  sso: { en: ["IAM Identity Center", "AWS SSO"] },
  cli: { en: ["AWS CLI", "AWS CLI v2"] },
  "elemental-mediaconvert": { en: ["MediaConvert"] },
  "cost-explorer": { ko: ["비용 탐색기", "Cost Explorer"] },
  "firewall-manager": { en: ["Firewall Manager"] },
  "site-to-site-vpn": { en: ["Site-to-Site VPN", "S2S VPN"] },
  "savings-plans": { en: ["Savings Plans", "Savings Plan", "Compute Savings Plans"] },
  outposts: { en: ["Outposts"] },

  // Machine learning
  sagemaker: { ko: ["세이지 메이커"] },
  bedrock: {
    en: ["Bedrock Agents", "Agents for Amazon Bedrock", "Bedrock Knowledge Bases", "Bedrock Guardrails"],
    ko: ["베드록", "베드락"],
  },
  q: { ko: ["아마존 Q", "아마존 큐"] },
  "q-developer": {
    en: ["Amazon Q Developer", "Q Developer", "CodeWhisperer", "Amazon CodeWhisperer"],
    ko: ["Q 디벨로퍼", "큐 디벨로퍼", "코드위스퍼러"],
  },
  "q-business": { en: ["Q Business"], ko: ["Q 비즈니스", "큐 비즈니스"] },
  graviton: { en: ["Graviton2", "Graviton3", "Graviton4", "Graviton 2", "Graviton 3", "Graviton 4"], ko: ["그래비톤"] },
  inferentia: { en: ["Inferentia2", "Inferentia 2", "Inf2"], ko: ["인퍼런시아"] },
  trainium: { en: ["Trainium2", "Trainium 2", "Trn1", "Trn2"], ko: ["트레이니엄"] },
  nitro: { en: ["Nitro System", "Nitro Card", "Nitro Hypervisor"], ko: ["니트로"] },
  sdk: { en: ["AWS SDKs", "AWS SDK for Java", "AWS SDK for JavaScript", "AWS SDK for Python", "Boto3"] },
  "application-composer": { en: ["Application Composer", "Infrastructure Composer", "AWS Infrastructure Composer"] },
  "verified-access": { en: ["Verified Access"] },
  "opensearch-serverless": { en: ["OpenSearch Serverless"] },
  "comprehend-medical": { en: ["Comprehend Medical", "Amazon Comprehend Medical"], ko: ["컴프리헨드 메디컬"] },
  rekognition: { en: ["Rekognition Custom Labels", "Rekognition Video"], ko: ["레코그니션", "리코그니션"] },
  polly: { ko: ["폴리"] },
  lex: { en: ["Lex V2", "Amazon Lex V2"], ko: ["렉스"] },
  comprehend: { ko: ["컴프리헨드"] },
  transcribe: {
    en: ["Transcribe Medical", "Amazon Transcribe Medical", "Transcribe Call Analytics"],
    ko: ["트랜스크라이브"],
  },
  textract: { ko: ["텍스트랙트"] },
  personalize: { ko: ["퍼스널라이즈"] },
  kendra: { ko: ["켄드라"] },
  codeguru: { ko: ["코드 구루"] },
  "augmented-ai": { en: ["A2I"] },
  "machine-learning": { en: ["Amazon ML"], ko: ["아마존 머신 러닝"] },

  // Developer tools, media, IoT, misc.
  codedeploy: { ko: ["코드 디플로이"] },
  cloud9: { ko: ["클라우드9", "클라우드 나인"] },
  amplify: { ko: ["앰플리파이"] },
  "elastic-transcoder": { ko: ["엘라스틱 트랜스코더"] },
  "iot-core": { en: ["AWS IoT", "IoT", "IoT Core"] },
  "iot-greengrass": { en: ["Greengrass"], ko: ["그린그래스"] },
  connect: { ko: ["아마존 커넥트"] },
  marketplace: { ko: ["마켓 플레이스"] }, // in AWS notes "마켓플레이스" is the AWS Marketplace
};

// Services whose short name is an ordinary word (or collides with another service's alias): the
// bare short name is not an alias, so only "AWS Config"/"Amazon Connect"-style names match.
export const PREFIX_ONLY: ReadonlySet<string> = new Set([
  "activate",
  "amplify",
  "artifact",
  "audit-manager",
  "augmented-ai",
  "auto-scaling",
  "backup",
  "batch",
  "budgets",
  "chatbot",
  "chime",
  "cli",
  "client-vpn",
  "cloud-directory",
  "comprehend",
  "config",
  "connect",
  "console-mobile-application",
  "cost-and-usage-report",
  "data-exchange",
  "data-pipeline",
  "deep-learning-amis",
  "deep-learning-containers",
  "detective",
  "directory-service",
  "express-workflows",
  "firewall-manager",
  "forecast",
  "fraud-detector",
  "glue",
  "ground-station",
  "inspector",
  "iq",
  "keyspaces",
  "launch-wizard",
  "local-zones",
  "location-service",
  "machine-learning",
  "managed-services",
  "management-console",
  "marketplace",
  "mq",
  "network-firewall",
  "neptune",
  "neuron",
  "organizations",
  "outposts",
  "panorama",
  "personalize",
  "pinpoint",
  "pinpoint-apis",
  "polly",
  "professional-services",
  "proton",
  "q",
  "reserved-instance-reporting",
  "sdk",
  "savings-plans",
  "service-catalog",
  "shield",
  "signer",
  "site-to-site-vpn",
  "snowmobile",
  "sso",
  "support",
  "tools-and-sdks",
  "training-and-certification",
  "transcribe",
  "translate",
  "wavelength",
  "workspaces",
]);
