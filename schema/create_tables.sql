-- The OpenDental-shaped `raw` schema, derived from raw_schema.csv by derive_create_tables.py.
-- Every table, column, type and primary key of the reference; no foreign keys (OpenDental declares none).
-- Idempotent: CREATE ... IF NOT EXISTS never touches a table that already exists.
CREATE SCHEMA IF NOT EXISTS raw;

CREATE SEQUENCE IF NOT EXISTS raw."appointment_AptNum_seq";
CREATE SEQUENCE IF NOT EXISTS raw."patient_PatNum_seq";
CREATE TABLE IF NOT EXISTS raw."account" (
    "AccountNum" int8 NOT NULL,
    "Description" varchar(255),
    "AcctType" int2,
    "BankNumber" varchar(255),
    "Inactive" bool,
    "AccountColor" int4,
    "IsRetainedEarnings" bool,
    CONSTRAINT "account_pkey" PRIMARY KEY ("AccountNum")
);

CREATE TABLE IF NOT EXISTS raw."accountingautopay" (
    "AccountingAutoPayNum" int8 NOT NULL,
    "PayType" int8,
    "PickList" varchar(255),
    CONSTRAINT "accountingautopay_pkey" PRIMARY KEY ("AccountingAutoPayNum")
);

CREATE TABLE IF NOT EXISTS raw."activeinstance" (
    "ActiveInstanceNum" int8 NOT NULL,
    "ComputerNum" int8,
    "UserNum" int8,
    "ProcessId" int8,
    "DateTimeLastActive" timestamp,
    "DateTRecorded" timestamp,
    "ConnectionType" bool,
    CONSTRAINT "activeinstance_pkey" PRIMARY KEY ("ActiveInstanceNum")
);

CREATE TABLE IF NOT EXISTS raw."adjustment" (
    "AdjNum" int8 NOT NULL,
    "AdjDate" date,
    "AdjAmt" float8,
    "PatNum" int8,
    "AdjType" int8,
    "ProvNum" int8,
    "AdjNote" text,
    "ProcDate" date,
    "ProcNum" int8,
    "DateEntry" date,
    "ClinicNum" int8,
    "StatementNum" int8,
    "SecUserNumEntry" int8,
    "SecDateTEdit" timestamp,
    "TaxTransID" int8,
    CONSTRAINT "adjustment_pkey" PRIMARY KEY ("AdjNum")
);

CREATE TABLE IF NOT EXISTS raw."alertcategory" (
    "AlertCategoryNum" int8 NOT NULL,
    "IsHQCategory" bool,
    "InternalName" varchar(255),
    "Description" varchar(255),
    CONSTRAINT "alertcategory_pkey" PRIMARY KEY ("AlertCategoryNum")
);

CREATE TABLE IF NOT EXISTS raw."alertcategorylink" (
    "AlertCategoryLinkNum" int8 NOT NULL,
    "AlertCategoryNum" int8,
    "AlertType" int2,
    CONSTRAINT "alertcategorylink_pkey" PRIMARY KEY ("AlertCategoryLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."alertitem" (
    "AlertItemNum" int8 NOT NULL,
    "ClinicNum" int8,
    "Description" varchar(2000),
    "Type" int2,
    "Severity" bool,
    "Actions" int2,
    "FormToOpen" int2,
    "FKey" int8,
    "ItemValue" varchar(4000),
    "UserNum" int8,
    "SecDateTEntry" timestamp,
    CONSTRAINT "alertitem_pkey" PRIMARY KEY ("AlertItemNum")
);

CREATE TABLE IF NOT EXISTS raw."alertread" (
    "AlertReadNum" int8 NOT NULL,
    "AlertItemNum" int8,
    "UserNum" int8,
    CONSTRAINT "alertread_pkey" PRIMARY KEY ("AlertReadNum")
);

CREATE TABLE IF NOT EXISTS raw."alertsub" (
    "AlertSubNum" int8 NOT NULL,
    "UserNum" int8,
    "ClinicNum" int8,
    "Type" bool,
    "AlertCategoryNum" int8,
    CONSTRAINT "alertsub_pkey" PRIMARY KEY ("AlertSubNum")
);

CREATE TABLE IF NOT EXISTS raw."allergy" (
    "AllergyNum" int8 NOT NULL,
    "AllergyDefNum" int8,
    "PatNum" int8,
    "Reaction" varchar(255),
    "StatusIsActive" bool,
    "DateTStamp" timestamp,
    "DateAdverseReaction" date,
    "SnomedReaction" varchar(255),
    CONSTRAINT "allergy_pkey" PRIMARY KEY ("AllergyNum")
);

CREATE TABLE IF NOT EXISTS raw."allergydef" (
    "AllergyDefNum" int8 NOT NULL,
    "Description" varchar(255),
    "IsHidden" bool,
    "DateTStamp" timestamp,
    "SnomedType" int2,
    "MedicationNum" int8,
    "UniiCode" varchar(255),
    CONSTRAINT "allergydef_pkey" PRIMARY KEY ("AllergyDefNum")
);

CREATE TABLE IF NOT EXISTS raw."anestheticdata" (
    "AnestheticDataNum" int4 NOT NULL,
    "AnestheticRecordNum" int4,
    "AnesthOpen" bpchar(32),
    "AnesthClose" bpchar(32),
    "SurgOpen" bpchar(32),
    "SurgClose" bpchar(32),
    "Anesthetist" bpchar(32),
    "Surgeon" bpchar(32),
    "Asst" bpchar(32),
    "Circulator" bpchar(32),
    "VSMName" bpchar(20),
    "VSMSerNum" bpchar(20),
    "ASA" bpchar(3),
    "ASA_EModifier" bpchar(1),
    "O2LMin" int2,
    "N2OLMin" int2,
    "RteNasCan" bool,
    "RteNasHood" bool,
    "RteETT" bool,
    "MedRouteIVCath" bool,
    "MedRouteIVButtFly" bool,
    "MedRouteIM" bool,
    "MedRoutePO" bool,
    "MedRouteNasal" bool,
    "MedRouteRectal" bool,
    "IVSite" bpchar(20),
    "IVGauge" int2,
    "IVSideR" int2,
    "IVSideL" int2,
    "IVAtt" int2,
    "IVF" bpchar(20),
    "IVFVol" float4,
    "MonBP" bool,
    "MonSpO2" bool,
    "MonEtCO2" bool,
    "MonTemp" bool,
    "MonPrecordial" bool,
    "MonEKG" bool,
    "Notes" text,
    "PatWgt" int2,
    "WgtUnitsLbs" bool,
    "WgtUnitsKgs" bool,
    "PatHgt" int2,
    "EscortName" bpchar(32),
    "EscortCellNum" bpchar(13),
    "EscortRel" bpchar(16),
    "NPOTime" bpchar(5),
    "HgtUnitsIn" bool,
    "HgtUnitsCm" bool,
    "Signature" text,
    "SigIsTopaz" bool,
    CONSTRAINT "anestheticdata_pkey" PRIMARY KEY ("AnestheticDataNum")
);

CREATE TABLE IF NOT EXISTS raw."anestheticrecord" (
    "AnestheticRecordNum" int4 NOT NULL,
    "PatNum" int4,
    "AnestheticDate" timestamp,
    "ProvNum" int2,
    CONSTRAINT "anestheticrecord_pkey" PRIMARY KEY ("AnestheticRecordNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthmedsgiven" (
    "AnestheticMedNum" int4 NOT NULL,
    "AnestheticRecordNum" int4,
    "AnesthMedName" bpchar(32),
    "QtyGiven" float8,
    "QtyWasted" float8,
    "DoseTimeStamp" bpchar(32),
    "QtyOnHandOld" float8,
    "AnesthMedNum" int4,
    CONSTRAINT "anesthmedsgiven_pkey" PRIMARY KEY ("AnestheticMedNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthmedsintake" (
    "AnestheticMedNum" int4 NOT NULL,
    "IntakeDate" timestamp,
    "AnesthMedName" bpchar(32),
    "Qty" int4,
    "SupplierIDNum" bpchar(11),
    "InvoiceNum" bpchar(20),
    CONSTRAINT "anesthmedsintake_pkey" PRIMARY KEY ("AnestheticMedNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthmedsinventory" (
    "AnestheticMedNum" int4 NOT NULL,
    "AnesthMedName" bpchar(30),
    "AnesthHowSupplied" bpchar(20),
    "QtyOnHand" float8,
    "DEASchedule" bpchar(3),
    CONSTRAINT "anesthmedsinventory_pkey" PRIMARY KEY ("AnestheticMedNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthmedsinventoryadj" (
    "AdjustNum" int4 NOT NULL,
    "AnestheticMedNum" int4,
    "QtyAdj" float8,
    "UserNum" int4,
    "Notes" varchar(255),
    "TimeStamp" timestamp,
    CONSTRAINT "anesthmedsinventoryadj_pkey" PRIMARY KEY ("AdjustNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthmedsuppliers" (
    "SupplierIDNum" int4 NOT NULL,
    "SupplierName" varchar(255),
    "Phone" bpchar(13),
    "PhoneExt" bpchar(6),
    "Fax" bpchar(13),
    "Addr1" varchar(48),
    "Addr2" bpchar(32),
    "City" varchar(48),
    "State" bpchar(20),
    "Zip" bpchar(10),
    "Contact" bpchar(32),
    "WebSite" varchar(48),
    "Notes" text,
    CONSTRAINT "anesthmedsuppliers_pkey" PRIMARY KEY ("SupplierIDNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthscore" (
    "AnesthScoreNum" int4 NOT NULL,
    "AnestheticRecordNum" int4,
    "QActivity" int2,
    "QResp" int2,
    "QCirc" int2,
    "QConc" int2,
    "QColor" int2,
    "AnesthesiaScore" int2,
    "DischAmb" bool,
    "DischWheelChr" bool,
    "DischAmbulance" bool,
    "DischCondStable" bool,
    "DischCondUnStable" bool,
    CONSTRAINT "anesthscore_pkey" PRIMARY KEY ("AnesthScoreNum")
);

CREATE TABLE IF NOT EXISTS raw."anesthvsdata" (
    "AnesthVSDataNum" int4 NOT NULL,
    "AnestheticRecordNum" int4,
    "PatNum" int4,
    "VSMName" bpchar(20),
    "VSMSerNum" bpchar(32),
    "BPSys" int2,
    "BPDias" int2,
    "BPMAP" int2,
    "HR" int2,
    "SpO2" int2,
    "EtCo2" int2,
    "Temp" int2,
    "VSTimeStamp" bpchar(32),
    "MessageID" varchar(50),
    "HL7Message" text,
    CONSTRAINT "anesthvsdata_pkey" PRIMARY KEY ("AnesthVSDataNum")
);

CREATE TABLE IF NOT EXISTS raw."apikey" (
    "APIKeyNum" int8 NOT NULL,
    "CustApiKey" varchar(255),
    "DevName" varchar(255),
    CONSTRAINT "apikey_pkey" PRIMARY KEY ("APIKeyNum")
);

CREATE TABLE IF NOT EXISTS raw."apisubscription" (
    "ApiSubscriptionNum" int8 NOT NULL,
    "EndPointUrl" varchar(255),
    "Workstation" varchar(255),
    "CustomerKey" varchar(255),
    "WatchTable" varchar(255),
    "PollingSeconds" int4,
    "UiEventType" varchar(255),
    "DateTimeStart" timestamp,
    "DateTimeStop" timestamp,
    "Note" varchar(255),
    CONSTRAINT "apisubscription_pkey" PRIMARY KEY ("ApiSubscriptionNum")
);

CREATE TABLE IF NOT EXISTS raw."appointment" (
    "AptNum" int8 NOT NULL,
    "PatNum" int8,
    "AptStatus" int2,
    "Pattern" varchar(255),
    "Confirmed" int8,
    "TimeLocked" bool,
    "Op" int8,
    "Note" text,
    "ProvNum" int8,
    "ProvHyg" int8,
    "AptDateTime" timestamp,
    "NextAptNum" int8,
    "UnschedStatus" int8,
    "IsNewPatient" bool,
    "ProcDescript" text,
    "Assistant" int8,
    "ClinicNum" int8,
    "IsHygiene" bool,
    "DateTStamp" timestamp,
    "DateTimeArrived" timestamp,
    "DateTimeSeated" timestamp,
    "DateTimeDismissed" timestamp,
    "InsPlan1" int8,
    "InsPlan2" int8,
    "DateTimeAskedToArrive" timestamp,
    "ProcsColored" text,
    "ColorOverride" int4,
    "AppointmentTypeNum" int8,
    "SecUserNumEntry" int8,
    "SecDateTEntry" timestamp,
    "Priority" bool,
    "ProvBarText" varchar(60),
    "PatternSecondary" varchar(255),
    "SecurityHash" varchar(255),
    "ItemOrderPlanned" int4,
    "IsMirrored" bool,
    CONSTRAINT "appointment_pkey" PRIMARY KEY ("AptNum")
);

CREATE TABLE IF NOT EXISTS raw."appointmentrule" (
    "AppointmentRuleNum" int8 NOT NULL,
    "RuleDesc" varchar(255),
    "CodeStart" varchar(15),
    "CodeEnd" varchar(15),
    "IsEnabled" bool,
    CONSTRAINT "appointmentrule_pkey" PRIMARY KEY ("AppointmentRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."appointmenttype" (
    "AppointmentTypeNum" int8 NOT NULL,
    "AppointmentTypeName" varchar(255),
    "AppointmentTypeColor" int4,
    "ItemOrder" int4,
    "IsHidden" bool,
    "Pattern" varchar(255),
    "CodeStr" varchar(4000),
    "CodeStrRequired" varchar(4000),
    "RequiredProcCodesNeeded" int2,
    "BlockoutTypes" varchar(255),
    CONSTRAINT "appointmenttype_pkey" PRIMARY KEY ("AppointmentTypeNum")
);

CREATE TABLE IF NOT EXISTS raw."apptfield" (
    "ApptFieldNum" int8 NOT NULL,
    "AptNum" int8,
    "FieldName" varchar(255),
    "FieldValue" text,
    CONSTRAINT "apptfield_pkey" PRIMARY KEY ("ApptFieldNum")
);

CREATE TABLE IF NOT EXISTS raw."apptfielddef" (
    "ApptFieldDefNum" int8 NOT NULL,
    "FieldName" varchar(255),
    "FieldType" bool,
    "PickList" text,
    "ItemOrder" int4,
    CONSTRAINT "apptfielddef_pkey" PRIMARY KEY ("ApptFieldDefNum")
);

CREATE TABLE IF NOT EXISTS raw."apptgeneralmessagesent" (
    "ApptGeneralMessageSentNum" int8 NOT NULL,
    "ApptNum" int8,
    "PatNum" int8,
    "ClinicNum" int8,
    "DateTimeEntry" timestamp,
    "TSPrior" int8,
    "ApptReminderRuleNum" int8,
    "SendStatus" int2,
    "ApptDateTime" timestamp,
    "MessageType" int2,
    "MessageFk" int8,
    "DateTimeSent" timestamp,
    "ResponseDescript" text,
    CONSTRAINT "apptgeneralmessagesent_pkey" PRIMARY KEY ("ApptGeneralMessageSentNum")
);

CREATE TABLE IF NOT EXISTS raw."apptnewpatthankyousent" (
    "ApptNewPatThankYouSentNum" int8 NOT NULL,
    "ApptNum" int8,
    "ApptDateTime" timestamp,
    "ApptSecDateTEntry" timestamp,
    "TSPrior" int8,
    "ApptReminderRuleNum" int8,
    "ClinicNum" int8,
    "PatNum" int8,
    "ResponseDescript" text,
    "DateTimeNewPatThankYouTransmit" timestamp,
    "ShortGUID" varchar(255),
    "SendStatus" bool,
    "MessageType" bool,
    "MessageFk" int8,
    "DateTimeEntry" timestamp,
    "DateTimeSent" timestamp,
    CONSTRAINT "apptnewpatthankyousent_pkey" PRIMARY KEY ("ApptNewPatThankYouSentNum")
);

CREATE TABLE IF NOT EXISTS raw."apptreminderrule" (
    "ApptReminderRuleNum" int8 NOT NULL,
    "TypeCur" int2,
    "TSPrior" int8,
    "SendOrder" varchar(255),
    "IsSendAll" bool,
    "TemplateSMS" text,
    "TemplateEmailSubject" text,
    "TemplateEmail" text,
    "ClinicNum" int8,
    "TemplateSMSAggShared" text,
    "TemplateSMSAggPerAppt" text,
    "TemplateEmailSubjAggShared" text,
    "TemplateEmailAggShared" text,
    "TemplateEmailAggPerAppt" text,
    "DoNotSendWithin" int8,
    "IsEnabled" bool,
    "TemplateAutoReply" text,
    "TemplateAutoReplyAgg" text,
    "IsAutoReplyEnabled" bool,
    "Language" varchar(255),
    "TemplateComeInMessage" text,
    "EmailTemplateType" varchar(255),
    "AggEmailTemplateType" varchar(255),
    "IsSendForMinorsBirthday" bool,
    "EmailHostingTemplateNum" int8,
    "MinorAge" int4,
    "TemplateFailureAutoReply" text,
    "SendMultipleInvites" bool,
    "TimeSpanMultipleInvites" int8,
    CONSTRAINT "apptreminderrule_pkey" PRIMARY KEY ("ApptReminderRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."apptremindersent" (
    "ApptReminderSentNum" int8 NOT NULL,
    "ApptNum" int8,
    "ApptDateTime" timestamp,
    "DateTimeSent" timestamp,
    "TSPrior" int8,
    "ApptReminderRuleNum" int8,
    "PatNum" int8,
    "ClinicNum" int8,
    "SendStatus" bool,
    "MessageType" bool,
    "MessageFk" int8,
    "DateTimeEntry" timestamp,
    "ResponseDescript" text,
    CONSTRAINT "apptremindersent_pkey" PRIMARY KEY ("ApptReminderSentNum")
);

CREATE TABLE IF NOT EXISTS raw."apptthankyousent" (
    "ApptThankYouSentNum" int8 NOT NULL,
    "ApptNum" int8,
    "ApptDateTime" timestamp,
    "ApptSecDateTEntry" timestamp,
    "TSPrior" int8,
    "ApptReminderRuleNum" int8,
    "ClinicNum" int8,
    "PatNum" int8,
    "ResponseDescript" text,
    "DateTimeThankYouTransmit" timestamp,
    "ShortGUID" varchar(255),
    "SendStatus" int2,
    "DoNotResend" bool,
    "MessageType" int2,
    "MessageFk" int8,
    "DateTimeEntry" timestamp,
    "DateTimeSent" timestamp,
    CONSTRAINT "apptthankyousent_pkey" PRIMARY KEY ("ApptThankYouSentNum")
);

CREATE TABLE IF NOT EXISTS raw."apptview" (
    "ApptViewNum" int8 NOT NULL,
    "Description" varchar(255),
    "ItemOrder" int2,
    "RowsPerIncr" bool,
    "OnlyScheduledProvs" bool,
    "OnlySchedBeforeTime" time,
    "OnlySchedAfterTime" time,
    "StackBehavUR" int2,
    "StackBehavLR" int2,
    "ClinicNum" int8,
    "ApptTimeScrollStart" time,
    "IsScrollStartDynamic" bool,
    "IsApptBubblesDisabled" bool,
    "WidthOpMinimum" int2,
    "WaitingRmName" bool,
    "OnlyScheduledProvDays" bool,
    CONSTRAINT "apptview_pkey" PRIMARY KEY ("ApptViewNum")
);

CREATE TABLE IF NOT EXISTS raw."apptviewitem" (
    "ApptViewItemNum" int8 NOT NULL,
    "ApptViewNum" int8,
    "OpNum" int8,
    "ProvNum" int8,
    "ElementDesc" varchar(255),
    "ElementOrder" int2,
    "ElementColor" int4,
    "ElementAlignment" int2,
    "ApptFieldDefNum" int8,
    "PatFieldDefNum" int8,
    "IsMobile" bool,
    CONSTRAINT "apptviewitem_pkey" PRIMARY KEY ("ApptViewItemNum")
);

CREATE TABLE IF NOT EXISTS raw."asapcomm" (
    "AsapCommNum" int8 NOT NULL,
    "FKey" int8,
    "FKeyType" bool,
    "ScheduleNum" int8,
    "PatNum" int8,
    "ClinicNum" int8,
    "ShortGUID" varchar(255),
    "DateTimeEntry" timestamp,
    "DateTimeExpire" timestamp,
    "DateTimeSmsScheduled" timestamp,
    "SmsSendStatus" bool,
    "EmailSendStatus" int2,
    "DateTimeSmsSent" timestamp,
    "DateTimeEmailSent" timestamp,
    "EmailMessageNum" int8,
    "ResponseStatus" int2,
    "DateTimeOrig" timestamp,
    "TemplateText" text,
    "TemplateEmail" text,
    "TemplateEmailSubj" varchar(100),
    "Note" text,
    "GuidMessageToMobile" text,
    "EmailTemplateType" varchar(255),
    CONSTRAINT "asapcomm_pkey" PRIMARY KEY ("AsapCommNum")
);

CREATE TABLE IF NOT EXISTS raw."autocode" (
    "AutoCodeNum" int8 NOT NULL,
    "Description" varchar(255),
    "IsHidden" bool,
    "LessIntrusive" bool,
    CONSTRAINT "autocode_pkey" PRIMARY KEY ("AutoCodeNum")
);

CREATE TABLE IF NOT EXISTS raw."autocodecond" (
    "AutoCodeCondNum" int8 NOT NULL,
    "AutoCodeItemNum" int8,
    "Cond" int2,
    CONSTRAINT "autocodecond_pkey" PRIMARY KEY ("AutoCodeCondNum")
);

CREATE TABLE IF NOT EXISTS raw."autocodeitem" (
    "AutoCodeItemNum" int8 NOT NULL,
    "AutoCodeNum" int8,
    "OldCode" varchar(15),
    "CodeNum" int8,
    CONSTRAINT "autocodeitem_pkey" PRIMARY KEY ("AutoCodeItemNum")
);

CREATE TABLE IF NOT EXISTS raw."autocommexcludedate" (
    "AutoCommExcludeDateNum" int8 NOT NULL,
    "ClinicNum" int8,
    "DateExclude" timestamp,
    CONSTRAINT "autocommexcludedate_pkey" PRIMARY KEY ("AutoCommExcludeDateNum")
);

CREATE TABLE IF NOT EXISTS raw."automation" (
    "AutomationNum" int8 NOT NULL,
    "Description" text,
    "Autotrigger" int2,
    "ProcCodes" text,
    "AutoAction" int2,
    "SheetDefNum" int8,
    "CommType" int8,
    "MessageContent" text,
    "AptStatus" bool,
    "AppointmentTypeNum" int8,
    "PatStatus" bool,
    CONSTRAINT "automation_pkey" PRIMARY KEY ("AutomationNum")
);

CREATE TABLE IF NOT EXISTS raw."automationcondition" (
    "AutomationConditionNum" int8 NOT NULL,
    "AutomationNum" int8,
    "CompareField" bool,
    "Comparison" bool,
    "CompareString" varchar(255),
    CONSTRAINT "automationcondition_pkey" PRIMARY KEY ("AutomationConditionNum")
);

CREATE TABLE IF NOT EXISTS raw."autonote" (
    "AutoNoteNum" int8 NOT NULL,
    "AutoNoteName" varchar(50),
    "MainText" text,
    "Category" int8,
    CONSTRAINT "autonote_pkey" PRIMARY KEY ("AutoNoteNum")
);

CREATE TABLE IF NOT EXISTS raw."autonotecontrol" (
    "AutoNoteControlNum" int8 NOT NULL,
    "Descript" varchar(50),
    "ControlType" varchar(50),
    "ControlLabel" varchar(255),
    "ControlOptions" text,
    CONSTRAINT "autonotecontrol_pkey" PRIMARY KEY ("AutoNoteControlNum")
);

CREATE TABLE IF NOT EXISTS raw."benefit" (
    "BenefitNum" int8 NOT NULL,
    "PlanNum" int8,
    "PatPlanNum" int8,
    "CovCatNum" int8,
    "BenefitType" int2,
    "Percent" int2,
    "MonetaryAmt" float8,
    "TimePeriod" int2,
    "QuantityQualifier" int2,
    "Quantity" int2,
    "CodeNum" int8,
    "CoverageLevel" int4,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    "CodeGroupNum" int8,
    "TreatArea" int2,
    CONSTRAINT "benefit_pkey" PRIMARY KEY ("BenefitNum")
);

CREATE TABLE IF NOT EXISTS raw."branding" (
    "BrandingNum" int8 NOT NULL,
    "BrandingType" int2,
    "ClinicNum" int8,
    "ValueString" text,
    "DateTimeUpdated" timestamp,
    CONSTRAINT "branding_pkey" PRIMARY KEY ("BrandingNum")
);

CREATE TABLE IF NOT EXISTS raw."canadiannetwork" (
    "CanadianNetworkNum" int8 NOT NULL,
    "Abbrev" varchar(20),
    "Descript" varchar(255),
    "CanadianTransactionPrefix" varchar(255),
    "CanadianIsRprHandler" bool,
    CONSTRAINT "canadiannetwork_pkey" PRIMARY KEY ("CanadianNetworkNum")
);

CREATE TABLE IF NOT EXISTS raw."carecreditwebresponse" (
    "CareCreditWebResponseNum" int8 NOT NULL,
    "PatNum" int8,
    "PayNum" int8,
    "RefNumber" varchar(255),
    "Amount" float8,
    "WebToken" varchar(255),
    "ProcessingStatus" varchar(255),
    "DateTimeEntry" timestamp,
    "DateTimePending" timestamp,
    "DateTimeCompleted" timestamp,
    "DateTimeExpired" timestamp,
    "DateTimeLastError" timestamp,
    "LastResponseStr" text,
    "ClinicNum" int8,
    "ServiceType" varchar(255),
    "TransType" varchar(255),
    "MerchantNumber" varchar(20),
    "HasLogged" bool,
    CONSTRAINT "carecreditwebresponse_pkey" PRIMARY KEY ("CareCreditWebResponseNum")
);

CREATE TABLE IF NOT EXISTS raw."carrier" (
    "CarrierNum" int8 NOT NULL,
    "CarrierName" varchar(255),
    "Address" varchar(255),
    "Address2" varchar(255),
    "City" varchar(255),
    "State" varchar(255),
    "Zip" varchar(255),
    "Phone" varchar(255),
    "ElectID" varchar(255),
    "NoSendElect" int2,
    "IsCDA" bool,
    "CDAnetVersion" varchar(100),
    "CanadianNetworkNum" int8,
    "IsHidden" bool,
    "CanadianEncryptionMethod" bool,
    "CanadianSupportedTypes" int4,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "TIN" varchar(255),
    "CarrierGroupName" int8,
    "ApptTextBackColor" int4,
    "IsCoinsuranceInverted" bool,
    "TrustedEtransFlags" bool,
    "CobInsPaidBehaviorOverride" bool,
    "EraAutomationOverride" bool,
    "OrthoInsPayConsolidate" bool,
    CONSTRAINT "carrier_pkey" PRIMARY KEY ("CarrierNum")
);

CREATE TABLE IF NOT EXISTS raw."cdcrec" (
    "CdcrecNum" int8 NOT NULL,
    "CdcrecCode" varchar(255),
    "HeirarchicalCode" varchar(255),
    "Description" varchar(255),
    CONSTRAINT "cdcrec_pkey" PRIMARY KEY ("CdcrecNum")
);

CREATE TABLE IF NOT EXISTS raw."cdspermission" (
    "CDSPermissionNum" int8 NOT NULL,
    "UserNum" int8,
    "SetupCDS" bool,
    "ShowCDS" bool,
    "ShowInfobutton" bool,
    "EditBibliography" bool,
    "ProblemCDS" bool,
    "MedicationCDS" bool,
    "AllergyCDS" bool,
    "DemographicCDS" bool,
    "LabTestCDS" bool,
    "VitalCDS" bool,
    CONSTRAINT "cdspermission_pkey" PRIMARY KEY ("CDSPermissionNum")
);

CREATE TABLE IF NOT EXISTS raw."centralconnection" (
    "CentralConnectionNum" int8 NOT NULL,
    "ServerName" varchar(255),
    "DatabaseName" varchar(255),
    "MySqlUser" varchar(255),
    "MySqlPassword" varchar(255),
    "ServiceURI" varchar(255),
    "OdUser" varchar(255),
    "OdPassword" varchar(255),
    "Note" text,
    "ItemOrder" int4,
    "WebServiceIsEcw" bool,
    "ConnectionStatus" varchar(255),
    "HasClinicBreakdownReports" bool,
    CONSTRAINT "centralconnection_pkey" PRIMARY KEY ("CentralConnectionNum")
);

CREATE TABLE IF NOT EXISTS raw."cert" (
    "CertNum" int8 NOT NULL,
    "Description" varchar(255),
    "WikiPageLink" varchar(255),
    "ItemOrder" int4,
    "IsHidden" bool,
    "CertCategoryNum" int8,
    CONSTRAINT "cert_pkey" PRIMARY KEY ("CertNum")
);

CREATE TABLE IF NOT EXISTS raw."certemployee" (
    "CertEmployeeNum" int8 NOT NULL,
    "CertNum" int8,
    "EmployeeNum" int8,
    "DateCompleted" date,
    "Note" varchar(255),
    "UserNum" int8,
    CONSTRAINT "certemployee_pkey" PRIMARY KEY ("CertEmployeeNum")
);

CREATE TABLE IF NOT EXISTS raw."chartview" (
    "ChartViewNum" int8 NOT NULL,
    "Description" varchar(255),
    "ItemOrder" int4,
    "ProcStatuses" int2,
    "ObjectTypes" int2,
    "ShowProcNotes" bool,
    "IsAudit" bool,
    "SelectedTeethOnly" bool,
    "OrionStatusFlags" int4,
    "DatesShowing" bool,
    "IsTpCharting" bool,
    CONSTRAINT "chartview_pkey" PRIMARY KEY ("ChartViewNum")
);

CREATE TABLE IF NOT EXISTS raw."claim" (
    "ClaimNum" int8 NOT NULL,
    "PatNum" int8,
    "DateService" date,
    "DateSent" date,
    "ClaimStatus" bpchar(1),
    "DateReceived" date,
    "PlanNum" int8,
    "ProvTreat" int8,
    "ClaimFee" float8,
    "InsPayEst" float8,
    "InsPayAmt" float8,
    "DedApplied" float8,
    "PreAuthString" varchar(40),
    "IsProsthesis" bpchar(1),
    "PriorDate" date,
    "ReasonUnderPaid" varchar(255),
    "ClaimNote" varchar(400),
    "ClaimType" varchar(255),
    "ProvBill" int8,
    "ReferringProv" int8,
    "RefNumString" varchar(40),
    "PlaceService" int2,
    "AccidentRelated" bpchar(1),
    "AccidentDate" date,
    "AccidentST" varchar(2),
    "EmployRelated" int2,
    "IsOrtho" bool,
    "OrthoRemainM" bool,
    "OrthoDate" date,
    "PatRelat" int2,
    "PlanNum2" int8,
    "PatRelat2" int2,
    "WriteOff" float8,
    "Radiographs" int2,
    "ClinicNum" int8,
    "ClaimForm" int8,
    "AttachedImages" int4,
    "AttachedModels" int4,
    "AttachedFlags" varchar(255),
    "AttachmentID" varchar(255),
    "CanadianMaterialsForwarded" varchar(10),
    "CanadianReferralProviderNum" varchar(20),
    "CanadianReferralReason" bool,
    "CanadianIsInitialLower" varchar(5),
    "CanadianDateInitialLower" date,
    "CanadianMandProsthMaterial" bool,
    "CanadianIsInitialUpper" varchar(5),
    "CanadianDateInitialUpper" date,
    "CanadianMaxProsthMaterial" bool,
    "InsSubNum" int8,
    "InsSubNum2" int8,
    "CanadaTransRefNum" varchar(255),
    "CanadaEstTreatStartDate" date,
    "CanadaInitialPayment" float8,
    "CanadaPaymentMode" bool,
    "CanadaTreatDuration" bool,
    "CanadaNumAnticipatedPayments" bool,
    "CanadaAnticipatedPayAmount" float8,
    "PriorAuthorizationNumber" varchar(255),
    "SpecialProgramCode" bool,
    "UniformBillType" varchar(255),
    "MedType" bool,
    "AdmissionTypeCode" varchar(255),
    "AdmissionSourceCode" varchar(255),
    "PatientStatusCode" varchar(255),
    "CustomTracking" int8,
    "DateResent" date,
    "CorrectionType" bool,
    "ClaimIdentifier" varchar(255),
    "OrigRefNum" varchar(255),
    "ProvOrderOverride" int8,
    "OrthoTotalM" bool,
    "ShareOfCost" float8,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "OrderingReferralNum" int8,
    "DateSentOrig" date,
    "DateIllnessInjuryPreg" date,
    "DateIllnessInjuryPregQualifier" int2,
    "DateOther" date,
    "DateOtherQualifier" int2,
    "IsOutsideLab" bool,
    "SecurityHash" varchar(255),
    "Narrative" text,
    CONSTRAINT "claim_pkey" PRIMARY KEY ("ClaimNum")
);

CREATE TABLE IF NOT EXISTS raw."claimattach" (
    "ClaimAttachNum" int8 NOT NULL,
    "ClaimNum" int8,
    "DisplayedFileName" varchar(255),
    "ActualFileName" varchar(255),
    "ImageReferenceId" int4,
    CONSTRAINT "claimattach_pkey" PRIMARY KEY ("ClaimAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."claimcondcodelog" (
    "ClaimCondCodeLogNum" int8 NOT NULL,
    "ClaimNum" int8,
    "Code0" varchar(2),
    "Code1" varchar(2),
    "Code2" varchar(2),
    "Code3" varchar(2),
    "Code4" varchar(2),
    "Code5" varchar(2),
    "Code6" varchar(2),
    "Code7" varchar(2),
    "Code8" varchar(2),
    "Code9" varchar(2),
    "Code10" varchar(2),
    CONSTRAINT "claimcondcodelog_pkey" PRIMARY KEY ("ClaimCondCodeLogNum")
);

CREATE TABLE IF NOT EXISTS raw."claimform" (
    "ClaimFormNum" int8 NOT NULL,
    "Description" varchar(50),
    "IsHidden" bool,
    "FontName" varchar(255),
    "FontSize" float4,
    "UniqueID" varchar(255),
    "PrintImages" bool,
    "OffsetX" int2,
    "OffsetY" int2,
    "Width" int4,
    "Height" int4,
    CONSTRAINT "claimform_pkey" PRIMARY KEY ("ClaimFormNum")
);

CREATE TABLE IF NOT EXISTS raw."claimformitem" (
    "ClaimFormItemNum" int8 NOT NULL,
    "ClaimFormNum" int8,
    "ImageFileName" varchar(255),
    "FieldName" varchar(255),
    "FormatString" varchar(255),
    "XPos" float4,
    "YPos" float4,
    "Width" float4,
    "Height" float4,
    CONSTRAINT "claimformitem_pkey" PRIMARY KEY ("ClaimFormItemNum")
);

CREATE TABLE IF NOT EXISTS raw."claimpayment" (
    "ClaimPaymentNum" int8 NOT NULL,
    "CheckDate" date,
    "CheckAmt" float8,
    "CheckNum" varchar(25),
    "BankBranch" varchar(25),
    "Note" varchar(255),
    "ClinicNum" int8,
    "DepositNum" int8,
    "CarrierName" varchar(255),
    "DateIssued" date,
    "IsPartial" bool,
    "PayType" int8,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "PayGroup" int8,
    CONSTRAINT "claimpayment_pkey" PRIMARY KEY ("ClaimPaymentNum")
);

CREATE TABLE IF NOT EXISTS raw."claimproc" (
    "ClaimProcNum" int8 NOT NULL,
    "ProcNum" int8,
    "ClaimNum" int8,
    "PatNum" int8,
    "ProvNum" int8,
    "FeeBilled" float8,
    "InsPayEst" float8,
    "DedApplied" float8,
    "Status" int2,
    "InsPayAmt" float8,
    "Remarks" varchar(255),
    "ClaimPaymentNum" int8,
    "PlanNum" int8,
    "DateCP" date,
    "WriteOff" float8,
    "CodeSent" varchar(15),
    "AllowedOverride" float8,
    "Percentage" int2,
    "PercentOverride" int2,
    "CopayAmt" float8,
    "NoBillIns" bool,
    "PaidOtherIns" float8,
    "BaseEst" float8,
    "CopayOverride" float8,
    "ProcDate" date,
    "DateEntry" date,
    "LineNumber" int2,
    "DedEst" float8,
    "DedEstOverride" float8,
    "InsEstTotal" float8,
    "InsEstTotalOverride" float8,
    "PaidOtherInsOverride" float8,
    "EstimateNote" varchar(255),
    "WriteOffEst" float8,
    "WriteOffEstOverride" float8,
    "ClinicNum" int8,
    "InsSubNum" int8,
    "PaymentRow" int4,
    "PayPlanNum" int8,
    "ClaimPaymentTracking" int8,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "DateSuppReceived" date,
    "DateInsFinalized" date,
    "IsTransfer" bool,
    "ClaimAdjReasonCodes" varchar(255),
    "IsOverpay" bool,
    "SecurityHash" varchar(255),
    CONSTRAINT "claimproc_pkey" PRIMARY KEY ("ClaimProcNum")
);

CREATE TABLE IF NOT EXISTS raw."claimsnapshot" (
    "ClaimSnapshotNum" int8 NOT NULL,
    "ProcNum" int8,
    "ClaimType" varchar(255),
    "Writeoff" float8,
    "InsPayEst" float8,
    "Fee" float8,
    "DateTEntry" timestamp,
    "ClaimProcNum" int8,
    "SnapshotTrigger" bool,
    CONSTRAINT "claimsnapshot_pkey" PRIMARY KEY ("ClaimSnapshotNum")
);

CREATE TABLE IF NOT EXISTS raw."claimtracking" (
    "ClaimTrackingNum" int8 NOT NULL,
    "ClaimNum" int8,
    "TrackingType" varchar(255),
    "UserNum" int8,
    "DateTimeEntry" timestamp,
    "Note" text,
    "TrackingDefNum" int8,
    "TrackingErrorDefNum" int8,
    CONSTRAINT "claimtracking_pkey" PRIMARY KEY ("ClaimTrackingNum")
);

CREATE TABLE IF NOT EXISTS raw."claimvalcodelog" (
    "ClaimValCodeLogNum" int8 NOT NULL,
    "ClaimNum" int8,
    "ClaimField" varchar(5),
    "ValCode" bpchar(2),
    "ValAmount" float8,
    "Ordinal" int4,
    CONSTRAINT "claimvalcodelog_pkey" PRIMARY KEY ("ClaimValCodeLogNum")
);

CREATE TABLE IF NOT EXISTS raw."clearinghouse" (
    "ClearinghouseNum" int8 NOT NULL,
    "Description" varchar(255),
    "ExportPath" text,
    "Payors" text,
    "Eformat" int2,
    "ISA05" varchar(255),
    "SenderTIN" varchar(255),
    "ISA07" varchar(255),
    "ISA08" varchar(255),
    "ISA15" varchar(255),
    "Password" varchar(255),
    "ResponsePath" varchar(255),
    "CommBridge" int2,
    "ClientProgram" varchar(255),
    "LastBatchNumber" int2,
    "ModemPort" bool,
    "LoginID" varchar(255),
    "SenderName" varchar(255),
    "SenderTelephone" varchar(255),
    "GS03" varchar(255),
    "ISA02" varchar(10),
    "ISA04" varchar(10),
    "ISA16" varchar(2),
    "SeparatorData" varchar(2),
    "SeparatorSegment" varchar(2),
    "ClinicNum" int8,
    "HqClearinghouseNum" int8,
    "IsEraDownloadAllowed" int2,
    "IsClaimExportAllowed" bool,
    "IsAttachmentSendAllowed" bool,
    "LocationID" varchar(255),
    CONSTRAINT "clearinghouse_pkey" PRIMARY KEY ("ClearinghouseNum")
);

CREATE TABLE IF NOT EXISTS raw."clinic" (
    "ClinicNum" int8 NOT NULL,
    "Description" varchar(255),
    "Address" varchar(255),
    "Address2" varchar(255),
    "City" varchar(255),
    "State" varchar(255),
    "Zip" varchar(255),
    "Phone" varchar(255),
    "BankNumber" varchar(255),
    "DefaultPlaceService" bool,
    "InsBillingProv" int8,
    "Fax" varchar(50),
    "EmailAddressNum" int8,
    "DefaultProv" int8,
    "SmsContractDate" timestamp,
    "SmsMonthlyLimit" float8,
    "IsMedicalOnly" bool,
    "BillingAddress" varchar(255),
    "BillingAddress2" varchar(255),
    "BillingCity" varchar(255),
    "BillingState" varchar(255),
    "BillingZip" varchar(255),
    "PayToAddress" varchar(255),
    "PayToAddress2" varchar(255),
    "PayToCity" varchar(255),
    "PayToState" varchar(255),
    "PayToZip" varchar(255),
    "UseBillAddrOnClaims" bool,
    "Region" int8,
    "ItemOrder" int4,
    "IsInsVerifyExcluded" bool,
    "Abbr" varchar(255),
    "MedLabAccountNum" varchar(16),
    "IsConfirmEnabled" bool,
    "IsConfirmDefault" bool,
    "IsNewPatApptExcluded" bool,
    "IsHidden" bool,
    "ExternalID" int8,
    "SchedNote" varchar(255),
    "HasProcOnRx" bool,
    "TimeZone" varchar(75),
    "EmailAliasOverride" varchar(255),
    CONSTRAINT "clinic_pkey" PRIMARY KEY ("ClinicNum")
);

CREATE TABLE IF NOT EXISTS raw."clinicerx" (
    "ClinicErxNum" int8 NOT NULL,
    "PatNum" int8,
    "ClinicDesc" varchar(255),
    "ClinicNum" int8,
    "EnabledStatus" bool,
    "ClinicId" varchar(255),
    "ClinicKey" varchar(255),
    "AccountId" varchar(25),
    "RegistrationKeyNum" int8,
    CONSTRAINT "clinicerx_pkey" PRIMARY KEY ("ClinicErxNum")
);

CREATE TABLE IF NOT EXISTS raw."clinicpref" (
    "ClinicPrefNum" int8 NOT NULL,
    "ClinicNum" int8,
    "PrefName" varchar(255),
    "ValueString" text,
    CONSTRAINT "clinicpref_pkey" PRIMARY KEY ("ClinicPrefNum")
);

CREATE TABLE IF NOT EXISTS raw."clockevent" (
    "ClockEventNum" int8 NOT NULL,
    "EmployeeNum" int8,
    "TimeEntered1" timestamp,
    "TimeDisplayed1" timestamp,
    "ClockStatus" int2,
    "Note" text,
    "TimeEntered2" timestamp,
    "TimeDisplayed2" timestamp,
    "OTimeHours" time,
    "OTimeAuto" time,
    "Adjust" time,
    "AdjustAuto" time,
    "AdjustIsOverridden" bool,
    "Rate2Hours" time,
    "Rate2Auto" time,
    "ClinicNum" int8,
    "Rate3Hours" time,
    "Rate3Auto" time,
    "IsWorkingHome" bool,
    CONSTRAINT "clockevent_pkey" PRIMARY KEY ("ClockEventNum")
);

CREATE TABLE IF NOT EXISTS raw."cloudaddress" (
    "CloudAddressNum" int8 NOT NULL,
    "IpAddress" varchar(50),
    "UserNumLastConnect" int8,
    "DateTimeLastConnect" timestamp,
    CONSTRAINT "cloudaddress_pkey" PRIMARY KEY ("CloudAddressNum")
);

CREATE TABLE IF NOT EXISTS raw."codegroup" (
    "CodeGroupNum" int8 NOT NULL,
    "GroupName" varchar(50),
    "ProcCodes" text,
    "ItemOrder" int4,
    "CodeGroupFixed" int2,
    "IsHidden" bool,
    "ShowInAgeLimit" bool,
    CONSTRAINT "codegroup_pkey" PRIMARY KEY ("CodeGroupNum")
);

CREATE TABLE IF NOT EXISTS raw."codesystem" (
    "CodeSystemNum" int8 NOT NULL,
    "CodeSystemName" varchar(255),
    "VersionCur" varchar(255),
    "VersionAvail" varchar(255),
    "HL7OID" varchar(255),
    "Note" varchar(255),
    CONSTRAINT "codesystem_pkey" PRIMARY KEY ("CodeSystemNum")
);

CREATE TABLE IF NOT EXISTS raw."commlog" (
    "CommlogNum" int8 NOT NULL,
    "PatNum" int8,
    "CommDateTime" timestamp,
    "CommType" int8,
    "Note" text,
    "Mode_" int2,
    "SentOrReceived" int2,
    "UserNum" int8,
    "Signature" text,
    "SigIsTopaz" bool,
    "DateTStamp" timestamp,
    "DateTimeEnd" timestamp,
    "CommSource" int2,
    "ProgramNum" int8,
    "DateTEntry" timestamp,
    "ReferralNum" int8,
    "CommReferralBehavior" bool,
    CONSTRAINT "commlog_pkey" PRIMARY KEY ("CommlogNum")
);

CREATE TABLE IF NOT EXISTS raw."commoptout" (
    "CommOptOutNum" int8 NOT NULL,
    "PatNum" int8,
    "OptOutSms" int4,
    "OptOutEmail" int4,
    CONSTRAINT "commoptout_pkey" PRIMARY KEY ("CommOptOutNum")
);

CREATE TABLE IF NOT EXISTS raw."computer" (
    "ComputerNum" int8 NOT NULL,
    "CompName" varchar(100),
    "LastHeartBeat" timestamp,
    CONSTRAINT "computer_pkey" PRIMARY KEY ("ComputerNum")
);

CREATE TABLE IF NOT EXISTS raw."computerpref" (
    "ComputerPrefNum" int8 NOT NULL,
    "ComputerName" varchar(64),
    "GraphicsUseHardware" bool,
    "GraphicsSimple" int2,
    "SensorType" varchar(255),
    "SensorBinned" bool,
    "SensorPort" int4,
    "SensorExposure" int4,
    "GraphicsDoubleBuffering" bool,
    "PreferredPixelFormatNum" int4,
    "AtoZpath" varchar(255),
    "TaskKeepListHidden" bool,
    "TaskDock" int4,
    "TaskX" int4,
    "TaskY" int4,
    "DirectXFormat" varchar(255),
    "ScanDocSelectSource" bool,
    "ScanDocShowOptions" bool,
    "ScanDocDuplex" bool,
    "ScanDocGrayscale" bool,
    "ScanDocResolution" int4,
    "ScanDocQuality" int2,
    "ClinicNum" int8,
    "ApptViewNum" int8,
    "RecentApptView" bool,
    "PatSelectSearchMode" int2,
    "NoShowLanguage" bool,
    "NoShowDecimal" bool,
    "ComputerOS" varchar(255),
    "HelpButtonXAdjustment" float8,
    "GraphicsUseDirectX11" bool,
    "Zoom" int4,
    "VideoRectangle" varchar(255),
    "CreditCardTerminalId" varchar(255),
    CONSTRAINT "computerpref_pkey" PRIMARY KEY ("ComputerPrefNum")
);

CREATE TABLE IF NOT EXISTS raw."confirmationrequest" (
    "ConfirmationRequestNum" int8 NOT NULL,
    "ClinicNum" int8,
    "PatNum" int8,
    "ApptNum" int8,
    "DateTimeConfirmExpire" timestamp,
    "ShortGUID" varchar(255),
    "ConfirmCode" varchar(255),
    "DateTimeEntry" timestamp,
    "DateTimeConfirmTransmit" timestamp,
    "DateTimeRSVP" timestamp,
    "RSVPStatus" int2,
    "ResponseDescript" text,
    "GuidMessageFromMobile" text,
    "ApptDateTime" timestamp,
    "TSPrior" int8,
    "DoNotResend" bool,
    "SendStatus" int2,
    "ApptReminderRuleNum" int8,
    "MessageType" int2,
    "MessageFk" int8,
    "DateTimeSent" timestamp,
    CONSTRAINT "confirmationrequest_pkey" PRIMARY KEY ("ConfirmationRequestNum")
);

CREATE TABLE IF NOT EXISTS raw."connectiongroup" (
    "ConnectionGroupNum" int8 NOT NULL,
    "Description" varchar(255),
    CONSTRAINT "connectiongroup_pkey" PRIMARY KEY ("ConnectionGroupNum")
);

CREATE TABLE IF NOT EXISTS raw."conngroupattach" (
    "ConnGroupAttachNum" int8 NOT NULL,
    "ConnectionGroupNum" int8,
    "CentralConnectionNum" int8,
    CONSTRAINT "conngroupattach_pkey" PRIMARY KEY ("ConnGroupAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."contact" (
    "ContactNum" int8 NOT NULL,
    "LName" varchar(255),
    "FName" varchar(255),
    "WkPhone" varchar(255),
    "Fax" varchar(255),
    "Category" int8,
    "Notes" text,
    CONSTRAINT "contact_pkey" PRIMARY KEY ("ContactNum")
);

CREATE TABLE IF NOT EXISTS raw."county" (
    "CountyNum" int8 NOT NULL,
    "CountyName" varchar(255),
    "CountyCode" varchar(255),
    CONSTRAINT "county_pkey" PRIMARY KEY ("CountyNum")
);

CREATE TABLE IF NOT EXISTS raw."covcat" (
    "CovCatNum" int8 NOT NULL,
    "Description" varchar(50),
    "DefaultPercent" int2,
    "CovOrder" int4,
    "IsHidden" bool,
    "EbenefitCat" int2,
    CONSTRAINT "covcat_pkey" PRIMARY KEY ("CovCatNum")
);

CREATE TABLE IF NOT EXISTS raw."covspan" (
    "CovSpanNum" int8 NOT NULL,
    "CovCatNum" int8,
    "FromCode" varchar(15),
    "ToCode" varchar(15),
    CONSTRAINT "covspan_pkey" PRIMARY KEY ("CovSpanNum")
);

CREATE TABLE IF NOT EXISTS raw."cpt" (
    "CptNum" int8 NOT NULL,
    "CptCode" varchar(255),
    "Description" varchar(4000),
    "VersionIDs" varchar(255),
    CONSTRAINT "cpt_pkey" PRIMARY KEY ("CptNum")
);

CREATE TABLE IF NOT EXISTS raw."creditcard" (
    "CreditCardNum" int8 NOT NULL,
    "PatNum" int8,
    "Address" varchar(255),
    "Zip" varchar(255),
    "XChargeToken" varchar(255),
    "CCNumberMasked" varchar(255),
    "CCExpiration" date,
    "ItemOrder" int4,
    "ChargeAmt" float8,
    "DateStart" date,
    "DateStop" date,
    "Note" varchar(255),
    "PayPlanNum" int8,
    "PayConnectToken" varchar(255),
    "PayConnectTokenExp" date,
    "Procedures" text,
    "CCSource" bool,
    "ClinicNum" int8,
    "ExcludeProcSync" bool,
    "PaySimpleToken" varchar(255),
    "ChargeFrequency" varchar(150),
    "CanChargeWhenNoBal" bool,
    "PaymentType" int8,
    "IsRecurringActive" bool,
    "Nickname" varchar(255),
    CONSTRAINT "creditcard_pkey" PRIMARY KEY ("CreditCardNum")
);

CREATE TABLE IF NOT EXISTS raw."custrefentry" (
    "CustRefEntryNum" int8 NOT NULL,
    "PatNumCust" int8,
    "PatNumRef" int8,
    "DateEntry" date,
    "Note" varchar(255),
    CONSTRAINT "custrefentry_pkey" PRIMARY KEY ("CustRefEntryNum")
);

CREATE TABLE IF NOT EXISTS raw."custreference" (
    "CustReferenceNum" int8 NOT NULL,
    "PatNum" int8,
    "DateMostRecent" date,
    "Note" varchar(255),
    "IsBadRef" bool,
    CONSTRAINT "custreference_pkey" PRIMARY KEY ("CustReferenceNum")
);

CREATE TABLE IF NOT EXISTS raw."cvx" (
    "CvxNum" int8 NOT NULL,
    "CvxCode" varchar(255),
    "Description" varchar(255),
    "IsActive" varchar(255),
    CONSTRAINT "cvx_pkey" PRIMARY KEY ("CvxNum")
);

CREATE TABLE IF NOT EXISTS raw."dashboardar" (
    "DashboardARNum" int8 NOT NULL,
    "DateCalc" date,
    "BalTotal" float8,
    "InsEst" float8,
    CONSTRAINT "dashboardar_pkey" PRIMARY KEY ("DashboardARNum")
);

CREATE TABLE IF NOT EXISTS raw."dashboardcell" (
    "DashboardCellNum" int8 NOT NULL,
    "DashboardLayoutNum" int8,
    "CellRow" int4,
    "CellColumn" int4,
    "CellType" varchar(255),
    "CellSettings" text,
    "LastQueryTime" timestamp,
    "LastQueryData" text,
    "RefreshRateSeconds" int4,
    CONSTRAINT "dashboardcell_pkey" PRIMARY KEY ("DashboardCellNum")
);

CREATE TABLE IF NOT EXISTS raw."dashboardlayout" (
    "DashboardLayoutNum" int8 NOT NULL,
    "UserNum" int8,
    "UserGroupNum" int8,
    "DashboardTabName" varchar(255),
    "DashboardTabOrder" int4,
    "DashboardRows" int4,
    "DashboardColumns" int4,
    "DashboardGroupName" varchar(255),
    CONSTRAINT "dashboardlayout_pkey" PRIMARY KEY ("DashboardLayoutNum")
);

CREATE TABLE IF NOT EXISTS raw."databasemaintenance" (
    "DatabaseMaintenanceNum" int8 NOT NULL,
    "MethodName" varchar(255),
    "IsHidden" bool,
    "IsOld" bool,
    "DateLastRun" timestamp,
    CONSTRAINT "databasemaintenance_pkey" PRIMARY KEY ("DatabaseMaintenanceNum")
);

CREATE TABLE IF NOT EXISTS raw."dbmlog" (
    "DbmLogNum" int8 NOT NULL,
    "UserNum" int8,
    "FKey" int8,
    "FKeyType" int2,
    "ActionType" int2,
    "DateTimeEntry" timestamp,
    "MethodName" varchar(255),
    "LogText" text,
    CONSTRAINT "dbmlog_pkey" PRIMARY KEY ("DbmLogNum")
);

CREATE TABLE IF NOT EXISTS raw."definition" (
    "DefNum" int8 NOT NULL,
    "Category" int2,
    "ItemOrder" int2,
    "ItemName" varchar(255),
    "ItemValue" varchar(255),
    "ItemColor" int4,
    "IsHidden" bool,
    CONSTRAINT "definition_pkey" PRIMARY KEY ("DefNum")
);

CREATE TABLE IF NOT EXISTS raw."deflink" (
    "DefLinkNum" int8 NOT NULL,
    "DefNum" int8,
    "FKey" int8,
    "LinkType" int2,
    CONSTRAINT "deflink_pkey" PRIMARY KEY ("DefLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."deletedobject" (
    "DeletedObjectNum" int8 NOT NULL,
    "ObjectNum" int8,
    "ObjectType" int4,
    "DateTStamp" timestamp,
    CONSTRAINT "deletedobject_pkey" PRIMARY KEY ("DeletedObjectNum")
);

CREATE TABLE IF NOT EXISTS raw."deposit" (
    "DepositNum" int8 NOT NULL,
    "DateDeposit" date,
    "BankAccountInfo" text,
    "Amount" float8,
    "Memo" varchar(255),
    "Batch" varchar(25),
    "DepositAccountNum" int8,
    "IsSentToQuickBooksOnline" bool,
    CONSTRAINT "deposit_pkey" PRIMARY KEY ("DepositNum")
);

CREATE TABLE IF NOT EXISTS raw."dictcustom" (
    "DictCustomNum" int8 NOT NULL,
    "WordText" varchar(255),
    CONSTRAINT "dictcustom_pkey" PRIMARY KEY ("DictCustomNum")
);

CREATE TABLE IF NOT EXISTS raw."discountplan" (
    "DiscountPlanNum" int8 NOT NULL,
    "Description" varchar(255),
    "FeeSchedNum" int8,
    "DefNum" int8,
    "IsHidden" bool,
    "PlanNote" text,
    "ExamFreqLimit" int4,
    "XrayFreqLimit" int4,
    "ProphyFreqLimit" int4,
    "FluorideFreqLimit" int4,
    "PerioFreqLimit" int4,
    "LimitedExamFreqLimit" int4,
    "PAFreqLimit" int4,
    "AnnualMax" float8,
    CONSTRAINT "discountplan_pkey" PRIMARY KEY ("DiscountPlanNum")
);

CREATE TABLE IF NOT EXISTS raw."discountplansub" (
    "DiscountSubNum" int8 NOT NULL,
    "DiscountPlanNum" int8,
    "PatNum" int8,
    "DateEffective" date,
    "DateTerm" date,
    "SubNote" text,
    CONSTRAINT "discountplansub_pkey" PRIMARY KEY ("DiscountSubNum")
);

CREATE TABLE IF NOT EXISTS raw."disease" (
    "DiseaseNum" int8 NOT NULL,
    "PatNum" int8,
    "DiseaseDefNum" int8,
    "PatNote" text,
    "DateTStamp" timestamp,
    "ProbStatus" int2,
    "DateStart" date,
    "DateStop" date,
    "SnomedProblemType" varchar(255),
    "FunctionStatus" bool,
    CONSTRAINT "disease_pkey" PRIMARY KEY ("DiseaseNum")
);

CREATE TABLE IF NOT EXISTS raw."diseasedef" (
    "DiseaseDefNum" int8 NOT NULL,
    "DiseaseName" varchar(255),
    "ItemOrder" int2,
    "IsHidden" bool,
    "DateTStamp" timestamp,
    "ICD9Code" varchar(255),
    "SnomedCode" varchar(255),
    "Icd10Code" varchar(255),
    CONSTRAINT "diseasedef_pkey" PRIMARY KEY ("DiseaseDefNum")
);

CREATE TABLE IF NOT EXISTS raw."displayfield" (
    "DisplayFieldNum" int8 NOT NULL,
    "InternalName" varchar(255),
    "ItemOrder" int4,
    "Description" varchar(255),
    "ColumnWidth" int4,
    "Category" int4,
    "ChartViewNum" int8,
    "PickList" text,
    "DescriptionOverride" varchar(255),
    CONSTRAINT "displayfield_pkey" PRIMARY KEY ("DisplayFieldNum")
);

CREATE TABLE IF NOT EXISTS raw."displayreport" (
    "DisplayReportNum" int8 NOT NULL,
    "InternalName" varchar(255),
    "ItemOrder" int4,
    "Description" varchar(255),
    "Category" int2,
    "IsHidden" bool,
    "IsVisibleInSubMenu" bool,
    CONSTRAINT "displayreport_pkey" PRIMARY KEY ("DisplayReportNum")
);

CREATE TABLE IF NOT EXISTS raw."dispsupply" (
    "DispSupplyNum" int8 NOT NULL,
    "SupplyNum" int8,
    "ProvNum" int8,
    "DateDispensed" date,
    "DispQuantity" float4,
    "Note" text,
    CONSTRAINT "dispsupply_pkey" PRIMARY KEY ("DispSupplyNum")
);

CREATE TABLE IF NOT EXISTS raw."document" (
    "DocNum" int8 NOT NULL,
    "Description" varchar(255),
    "DateCreated" timestamp,
    "DocCategory" int8,
    "PatNum" int8,
    "FileName" varchar(255),
    "ImgType" int2,
    "IsFlipped" bool,
    "DegreesRotated" float4,
    "ToothNumbers" varchar(255),
    "Note" text,
    "SigIsTopaz" bool,
    "Signature" text,
    "CropX" int4,
    "CropY" int4,
    "CropW" int4,
    "CropH" int4,
    "WindowingMin" int4,
    "WindowingMax" int4,
    "MountItemNum" int8,
    "DateTStamp" timestamp,
    "RawBase64" text,
    "Thumbnail" text,
    "ExternalGUID" varchar(255),
    "ExternalSource" varchar(255),
    "ProvNum" int8,
    "IsCropOld" bool,
    "OcrResponseData" text,
    "ImageCaptureType" bool,
    "PrintHeading" bool,
    "ChartLetterStatus" bool,
    "UserNum" int8,
    "ChartLetterHash" varchar(255),
    CONSTRAINT "document_pkey" PRIMARY KEY ("DocNum")
);

CREATE TABLE IF NOT EXISTS raw."documentmisc" (
    "DocMiscNum" int8 NOT NULL,
    "DateCreated" date,
    "FileName" varchar(255),
    "DocMiscType" bool,
    "RawBase64" text,
    CONSTRAINT "documentmisc_pkey" PRIMARY KEY ("DocMiscNum")
);

CREATE TABLE IF NOT EXISTS raw."drugmanufacturer" (
    "DrugManufacturerNum" int8 NOT NULL,
    "ManufacturerName" varchar(255),
    "ManufacturerCode" varchar(20),
    CONSTRAINT "drugmanufacturer_pkey" PRIMARY KEY ("DrugManufacturerNum")
);

CREATE TABLE IF NOT EXISTS raw."drugunit" (
    "DrugUnitNum" int8 NOT NULL,
    "UnitIdentifier" varchar(20),
    "UnitText" varchar(255),
    CONSTRAINT "drugunit_pkey" PRIMARY KEY ("DrugUnitNum")
);

CREATE TABLE IF NOT EXISTS raw."dunning" (
    "DunningNum" int8 NOT NULL,
    "DunMessage" text,
    "BillingType" int8,
    "AgeAccount" bool,
    "InsIsPending" bool,
    "MessageBold" text,
    "EmailSubject" varchar(255),
    "EmailBody" text,
    "DaysInAdvance" int4,
    "ClinicNum" int8,
    "IsSuperFamily" bool,
    CONSTRAINT "dunning_pkey" PRIMARY KEY ("DunningNum")
);

CREATE TABLE IF NOT EXISTS raw."ebill" (
    "EbillNum" int8 NOT NULL,
    "ClinicNum" int8,
    "ClientAcctNumber" varchar(255),
    "ElectUserName" varchar(255),
    "ElectPassword" varchar(255),
    "PracticeAddress" bool,
    "RemitAddress" bool,
    CONSTRAINT "ebill_pkey" PRIMARY KEY ("EbillNum")
);

CREATE TABLE IF NOT EXISTS raw."eclipboardimagecapture" (
    "EClipboardImageCaptureNum" int8 NOT NULL,
    "PatNum" int8,
    "DefNum" int8,
    "IsSelfPortrait" bool,
    "DateTimeUpserted" timestamp,
    "DocNum" int8,
    "OcrCaptureType" bool,
    CONSTRAINT "eclipboardimagecapture_pkey" PRIMARY KEY ("EClipboardImageCaptureNum")
);

CREATE TABLE IF NOT EXISTS raw."eclipboardimagecapturedef" (
    "EClipboardImageCaptureDefNum" int8 NOT NULL,
    "DefNum" int8,
    "IsSelfPortrait" bool,
    "FrequencyDays" int4,
    "ClinicNum" int8,
    "OcrCaptureType" bool,
    "Frequency" bool,
    "ResubmitInterval" int8,
    CONSTRAINT "eclipboardimagecapturedef_pkey" PRIMARY KEY ("EClipboardImageCaptureDefNum")
);

CREATE TABLE IF NOT EXISTS raw."eclipboardsheetdef" (
    "EClipboardSheetDefNum" int8 NOT NULL,
    "SheetDefNum" int8,
    "ClinicNum" int8,
    "ResubmitInterval" int8,
    "ItemOrder" int4,
    "PrefillStatus" bool,
    "MinAge" int4,
    "MaxAge" int4,
    "IgnoreSheetDefNums" text,
    "PrefillStatusOverride" int8,
    "EFormDefNum" int8,
    "Frequency" int2,
    CONSTRAINT "eclipboardsheetdef_pkey" PRIMARY KEY ("EClipboardSheetDefNum")
);

CREATE TABLE IF NOT EXISTS raw."eduresource" (
    "EduResourceNum" int8 NOT NULL,
    "DiseaseDefNum" int8,
    "MedicationNum" int8,
    "LabResultID" varchar(255),
    "LabResultName" varchar(255),
    "LabResultCompare" varchar(255),
    "ResourceUrl" varchar(255),
    "SmokingSnoMed" varchar(255),
    CONSTRAINT "eduresource_pkey" PRIMARY KEY ("EduResourceNum")
);

CREATE TABLE IF NOT EXISTS raw."eform" (
    "EFormNum" int8 NOT NULL,
    "FormType" bool,
    "PatNum" int8,
    "DateTimeShown" timestamp,
    "Description" varchar(255),
    "DateTEdited" timestamp,
    "MaxWidth" int4,
    "EFormDefNum" int8,
    "Status" bool,
    "RevID" int4,
    "ShowLabelsBold" bool,
    "SpaceBelowEachField" int4,
    "SpaceToRightEachField" int4,
    "SaveImageCategory" int8,
    CONSTRAINT "eform_pkey" PRIMARY KEY ("EFormNum")
);

CREATE TABLE IF NOT EXISTS raw."eformdef" (
    "EFormDefNum" int8 NOT NULL,
    "FormType" bool,
    "Description" varchar(255),
    "DateTCreated" timestamp,
    "IsInternalHidden" bool,
    "MaxWidth" int4,
    "RevID" int4,
    "ShowLabelsBold" bool,
    "SpaceBelowEachField" int4,
    "SpaceToRightEachField" int4,
    "SaveImageCategory" int8,
    CONSTRAINT "eformdef_pkey" PRIMARY KEY ("EFormDefNum")
);

CREATE TABLE IF NOT EXISTS raw."eformfield" (
    "EFormFieldNum" int8 NOT NULL,
    "EFormNum" int8,
    "PatNum" int8,
    "FieldType" bool,
    "DbLink" varchar(255),
    "ValueLabel" text,
    "ValueString" text,
    "ItemOrder" int4,
    "PickListVis" varchar(255),
    "PickListDb" varchar(255),
    "IsHorizStacking" bool,
    "IsTextWrap" bool,
    "Width" int4,
    "FontScale" int4,
    "IsRequired" bool,
    "ConditionalParent" varchar(255),
    "ConditionalValue" varchar(255),
    "LabelAlign" bool,
    "SpaceBelow" int4,
    "ReportableName" varchar(255),
    "IsLocked" bool,
    "Border" bool,
    "IsWidthPercentage" bool,
    "MinWidth" int4,
    "WidthLabel" int4,
    "SpaceToRight" int4,
    CONSTRAINT "eformfield_pkey" PRIMARY KEY ("EFormFieldNum")
);

CREATE TABLE IF NOT EXISTS raw."eformfielddef" (
    "EFormFieldDefNum" int8 NOT NULL,
    "EFormDefNum" int8,
    "FieldType" bool,
    "DbLink" varchar(255),
    "ValueLabel" text,
    "ItemOrder" int4,
    "PickListVis" varchar(255),
    "PickListDb" varchar(255),
    "IsHorizStacking" bool,
    "IsTextWrap" bool,
    "Width" int4,
    "FontScale" int4,
    "IsRequired" bool,
    "ConditionalParent" varchar(255),
    "ConditionalValue" varchar(255),
    "LabelAlign" bool,
    "SpaceBelow" int4,
    "ReportableName" varchar(255),
    "IsLocked" bool,
    "Border" bool,
    "IsWidthPercentage" bool,
    "MinWidth" int4,
    "WidthLabel" int4,
    "SpaceToRight" int4,
    CONSTRAINT "eformfielddef_pkey" PRIMARY KEY ("EFormFieldDefNum")
);

CREATE TABLE IF NOT EXISTS raw."eformimportrule" (
    "EFormImportRuleNum" int8 NOT NULL,
    "FieldName" varchar(255),
    "Situation" bool,
    "Action" bool,
    CONSTRAINT "eformimportrule_pkey" PRIMARY KEY ("EFormImportRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."ehramendment" (
    "EhrAmendmentNum" int8 NOT NULL,
    "PatNum" int8,
    "IsAccepted" bool,
    "Description" text,
    "Source" bool,
    "SourceName" text,
    "FileName" varchar(255),
    "RawBase64" text,
    "DateTRequest" timestamp,
    "DateTAcceptDeny" timestamp,
    "DateTAppend" timestamp,
    CONSTRAINT "ehramendment_pkey" PRIMARY KEY ("EhrAmendmentNum")
);

CREATE TABLE IF NOT EXISTS raw."ehraptobs" (
    "EhrAptObsNum" int8 NOT NULL,
    "AptNum" int8,
    "IdentifyingCode" bool,
    "ValType" bool,
    "ValReported" varchar(255),
    "UcumCode" varchar(255),
    "ValCodeSystem" varchar(255),
    CONSTRAINT "ehraptobs_pkey" PRIMARY KEY ("EhrAptObsNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrcareplan" (
    "EhrCarePlanNum" int8 NOT NULL,
    "PatNum" int8,
    "SnomedEducation" varchar(255),
    "Instructions" varchar(255),
    "DatePlanned" date,
    CONSTRAINT "ehrcareplan_pkey" PRIMARY KEY ("EhrCarePlanNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlab" (
    "EhrLabNum" int8 NOT NULL,
    "PatNum" int8,
    "OrderControlCode" varchar(255),
    "PlacerOrderNum" varchar(255),
    "PlacerOrderNamespace" varchar(255),
    "PlacerOrderUniversalID" varchar(255),
    "PlacerOrderUniversalIDType" varchar(255),
    "FillerOrderNum" varchar(255),
    "FillerOrderNamespace" varchar(255),
    "FillerOrderUniversalID" varchar(255),
    "FillerOrderUniversalIDType" varchar(255),
    "PlacerGroupNum" varchar(255),
    "PlacerGroupNamespace" varchar(255),
    "PlacerGroupUniversalID" varchar(255),
    "PlacerGroupUniversalIDType" varchar(255),
    "OrderingProviderID" varchar(255),
    "OrderingProviderLName" varchar(255),
    "OrderingProviderFName" varchar(255),
    "OrderingProviderMiddleNames" varchar(255),
    "OrderingProviderSuffix" varchar(255),
    "OrderingProviderPrefix" varchar(255),
    "OrderingProviderAssigningAuthorityNamespaceID" varchar(255),
    "OrderingProviderAssigningAuthorityUniversalID" varchar(255),
    "OrderingProviderAssigningAuthorityIDType" varchar(255),
    "OrderingProviderNameTypeCode" varchar(255),
    "OrderingProviderIdentifierTypeCode" varchar(255),
    "SetIdOBR" int8,
    "UsiID" varchar(255),
    "UsiText" varchar(255),
    "UsiCodeSystemName" varchar(255),
    "UsiIDAlt" varchar(255),
    "UsiTextAlt" varchar(255),
    "UsiCodeSystemNameAlt" varchar(255),
    "UsiTextOriginal" varchar(255),
    "ObservationDateTimeStart" varchar(255),
    "ObservationDateTimeEnd" varchar(255),
    "SpecimenActionCode" varchar(255),
    "ResultDateTime" varchar(255),
    "ResultStatus" varchar(255),
    "ParentObservationID" varchar(255),
    "ParentObservationText" varchar(255),
    "ParentObservationCodeSystemName" varchar(255),
    "ParentObservationIDAlt" varchar(255),
    "ParentObservationTextAlt" varchar(255),
    "ParentObservationCodeSystemNameAlt" varchar(255),
    "ParentObservationTextOriginal" varchar(255),
    "ParentObservationSubID" varchar(255),
    "ParentPlacerOrderNum" varchar(255),
    "ParentPlacerOrderNamespace" varchar(255),
    "ParentPlacerOrderUniversalID" varchar(255),
    "ParentPlacerOrderUniversalIDType" varchar(255),
    "ParentFillerOrderNum" varchar(255),
    "ParentFillerOrderNamespace" varchar(255),
    "ParentFillerOrderUniversalID" varchar(255),
    "ParentFillerOrderUniversalIDType" varchar(255),
    "ListEhrLabResultsHandlingF" bool,
    "ListEhrLabResultsHandlingN" bool,
    "TQ1SetId" int8,
    "TQ1DateTimeStart" varchar(255),
    "TQ1DateTimeEnd" varchar(255),
    "IsCpoe" bool,
    "OriginalPIDSegment" text,
    CONSTRAINT "ehrlab_pkey" PRIMARY KEY ("EhrLabNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabclinicalinfo" (
    "EhrLabClinicalInfoNum" int8 NOT NULL,
    "EhrLabNum" int8,
    "ClinicalInfoID" varchar(255),
    "ClinicalInfoText" varchar(255),
    "ClinicalInfoCodeSystemName" varchar(255),
    "ClinicalInfoIDAlt" varchar(255),
    "ClinicalInfoTextAlt" varchar(255),
    "ClinicalInfoCodeSystemNameAlt" varchar(255),
    "ClinicalInfoTextOriginal" varchar(255),
    CONSTRAINT "ehrlabclinicalinfo_pkey" PRIMARY KEY ("EhrLabClinicalInfoNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabimage" (
    "EhrLabImageNum" int8 NOT NULL,
    "EhrLabNum" int8,
    "DocNum" int8,
    CONSTRAINT "ehrlabimage_pkey" PRIMARY KEY ("EhrLabImageNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabnote" (
    "EhrLabNoteNum" int8 NOT NULL,
    "EhrLabNum" int8,
    "EhrLabResultNum" int8,
    "Comments" text,
    CONSTRAINT "ehrlabnote_pkey" PRIMARY KEY ("EhrLabNoteNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabresult" (
    "EhrLabResultNum" int8 NOT NULL,
    "EhrLabNum" int8,
    "SetIdOBX" int8,
    "ValueType" varchar(255),
    "ObservationIdentifierID" varchar(255),
    "ObservationIdentifierText" varchar(255),
    "ObservationIdentifierCodeSystemName" varchar(255),
    "ObservationIdentifierIDAlt" varchar(255),
    "ObservationIdentifierTextAlt" varchar(255),
    "ObservationIdentifierCodeSystemNameAlt" varchar(255),
    "ObservationIdentifierTextOriginal" varchar(255),
    "ObservationIdentifierSub" varchar(255),
    "ObservationValueCodedElementID" varchar(255),
    "ObservationValueCodedElementText" varchar(255),
    "ObservationValueCodedElementCodeSystemName" varchar(255),
    "ObservationValueCodedElementIDAlt" varchar(255),
    "ObservationValueCodedElementTextAlt" varchar(255),
    "ObservationValueCodedElementCodeSystemNameAlt" varchar(255),
    "ObservationValueCodedElementTextOriginal" varchar(255),
    "ObservationValueDateTime" varchar(255),
    "ObservationValueTime" time,
    "ObservationValueComparator" varchar(255),
    "ObservationValueNumber1" float8,
    "ObservationValueSeparatorOrSuffix" varchar(255),
    "ObservationValueNumber2" float8,
    "ObservationValueNumeric" float8,
    "ObservationValueText" varchar(255),
    "UnitsID" varchar(255),
    "UnitsText" varchar(255),
    "UnitsCodeSystemName" varchar(255),
    "UnitsIDAlt" varchar(255),
    "UnitsTextAlt" varchar(255),
    "UnitsCodeSystemNameAlt" varchar(255),
    "UnitsTextOriginal" varchar(255),
    "referenceRange" varchar(255),
    "AbnormalFlags" varchar(255),
    "ObservationResultStatus" varchar(255),
    "ObservationDateTime" varchar(255),
    "AnalysisDateTime" varchar(255),
    "PerformingOrganizationName" varchar(255),
    "PerformingOrganizationNameAssigningAuthorityNamespaceId" varchar(255),
    "PerformingOrganizationNameAssigningAuthorityUniversalId" varchar(255),
    "PerformingOrganizationNameAssigningAuthorityUniversalIdType" varchar(255),
    "PerformingOrganizationIdentifierTypeCode" varchar(255),
    "PerformingOrganizationIdentifier" varchar(255),
    "PerformingOrganizationAddressStreet" varchar(255),
    "PerformingOrganizationAddressOtherDesignation" varchar(255),
    "PerformingOrganizationAddressCity" varchar(255),
    "PerformingOrganizationAddressStateOrProvince" varchar(255),
    "PerformingOrganizationAddressZipOrPostalCode" varchar(255),
    "PerformingOrganizationAddressCountryCode" varchar(255),
    "PerformingOrganizationAddressAddressType" varchar(255),
    "PerformingOrganizationAddressCountyOrParishCode" varchar(255),
    "MedicalDirectorID" varchar(255),
    "MedicalDirectorLName" varchar(255),
    "MedicalDirectorFName" varchar(255),
    "MedicalDirectorMiddleNames" varchar(255),
    "MedicalDirectorSuffix" varchar(255),
    "MedicalDirectorPrefix" varchar(255),
    "MedicalDirectorAssigningAuthorityNamespaceID" varchar(255),
    "MedicalDirectorAssigningAuthorityUniversalID" varchar(255),
    "MedicalDirectorAssigningAuthorityIDType" varchar(255),
    "MedicalDirectorNameTypeCode" varchar(255),
    "MedicalDirectorIdentifierTypeCode" varchar(255),
    CONSTRAINT "ehrlabresult_pkey" PRIMARY KEY ("EhrLabResultNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabresultscopyto" (
    "EhrLabResultsCopyToNum" int8 NOT NULL,
    "EhrLabNum" int8,
    "CopyToID" varchar(255),
    "CopyToLName" varchar(255),
    "CopyToFName" varchar(255),
    "CopyToMiddleNames" varchar(255),
    "CopyToSuffix" varchar(255),
    "CopyToPrefix" varchar(255),
    "CopyToAssigningAuthorityNamespaceID" varchar(255),
    "CopyToAssigningAuthorityUniversalID" varchar(255),
    "CopyToAssigningAuthorityIDType" varchar(255),
    "CopyToNameTypeCode" varchar(255),
    "CopyToIdentifierTypeCode" varchar(255),
    CONSTRAINT "ehrlabresultscopyto_pkey" PRIMARY KEY ("EhrLabResultsCopyToNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabspecimen" (
    "EhrLabSpecimenNum" int8 NOT NULL,
    "EhrLabNum" int8,
    "SetIdSPM" int8,
    "SpecimenTypeID" varchar(255),
    "SpecimenTypeText" varchar(255),
    "SpecimenTypeCodeSystemName" varchar(255),
    "SpecimenTypeIDAlt" varchar(255),
    "SpecimenTypeTextAlt" varchar(255),
    "SpecimenTypeCodeSystemNameAlt" varchar(255),
    "SpecimenTypeTextOriginal" varchar(255),
    "CollectionDateTimeStart" varchar(255),
    "CollectionDateTimeEnd" varchar(255),
    CONSTRAINT "ehrlabspecimen_pkey" PRIMARY KEY ("EhrLabSpecimenNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabspecimencondition" (
    "EhrLabSpecimenConditionNum" int8 NOT NULL,
    "EhrLabSpecimenNum" int8,
    "SpecimenConditionID" varchar(255),
    "SpecimenConditionText" varchar(255),
    "SpecimenConditionCodeSystemName" varchar(255),
    "SpecimenConditionIDAlt" varchar(255),
    "SpecimenConditionTextAlt" varchar(255),
    "SpecimenConditionCodeSystemNameAlt" varchar(255),
    "SpecimenConditionTextOriginal" varchar(255),
    CONSTRAINT "ehrlabspecimencondition_pkey" PRIMARY KEY ("EhrLabSpecimenConditionNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrlabspecimenrejectreason" (
    "EhrLabSpecimenRejectReasonNum" int8 NOT NULL,
    "EhrLabSpecimenNum" int8,
    "SpecimenRejectReasonID" varchar(255),
    "SpecimenRejectReasonText" varchar(255),
    "SpecimenRejectReasonCodeSystemName" varchar(255),
    "SpecimenRejectReasonIDAlt" varchar(255),
    "SpecimenRejectReasonTextAlt" varchar(255),
    "SpecimenRejectReasonCodeSystemNameAlt" varchar(255),
    "SpecimenRejectReasonTextOriginal" varchar(255),
    CONSTRAINT "ehrlabspecimenrejectreason_pkey" PRIMARY KEY ("EhrLabSpecimenRejectReasonNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrmeasure" (
    "EhrMeasureNum" int8 NOT NULL,
    "MeasureType" int2,
    "Numerator" int2,
    "Denominator" int2,
    CONSTRAINT "ehrmeasure_pkey" PRIMARY KEY ("EhrMeasureNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrmeasureevent" (
    "EhrMeasureEventNum" int8 NOT NULL,
    "DateTEvent" timestamp,
    "EventType" int2,
    "PatNum" int8,
    "MoreInfo" varchar(255),
    "CodeValueEvent" varchar(30),
    "CodeSystemEvent" varchar(30),
    "CodeValueResult" varchar(30),
    "CodeSystemResult" varchar(30),
    "FKey" int8,
    "TobaccoCessationDesire" bool,
    "DateStartTobacco" date,
    CONSTRAINT "ehrmeasureevent_pkey" PRIMARY KEY ("EhrMeasureEventNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrnotperformed" (
    "EhrNotPerformedNum" int8 NOT NULL,
    "PatNum" int8,
    "ProvNum" int8,
    "CodeValue" varchar(30),
    "CodeSystem" varchar(30),
    "CodeValueReason" varchar(30),
    "CodeSystemReason" varchar(30),
    "Note" text,
    "DateEntry" date,
    CONSTRAINT "ehrnotperformed_pkey" PRIMARY KEY ("EhrNotPerformedNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrpatient" (
    "PatNum" int8 NOT NULL,
    "MotherMaidenFname" varchar(255),
    "MotherMaidenLname" varchar(255),
    "VacShareOk" bool,
    "MedicaidState" varchar(50),
    "SexualOrientation" varchar(255),
    "GenderIdentity" varchar(255),
    "SexualOrientationNote" varchar(255),
    "GenderIdentityNote" varchar(255),
    "DischargeDate" timestamp,
    CONSTRAINT "ehrpatient_pkey" PRIMARY KEY ("PatNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrprovkey" (
    "EhrProvKeyNum" int8 NOT NULL,
    "PatNum" int8,
    "LName" varchar(255),
    "FName" varchar(255),
    "ProvKey" varchar(255),
    "FullTimeEquiv" float4,
    "Notes" text,
    "YearValue" int4,
    CONSTRAINT "ehrprovkey_pkey" PRIMARY KEY ("EhrProvKeyNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrquarterlykey" (
    "EhrQuarterlyKeyNum" int8 NOT NULL,
    "YearValue" int4,
    "QuarterValue" int4,
    "PracticeName" varchar(255),
    "KeyValue" varchar(255),
    "PatNum" int8,
    "Notes" text,
    CONSTRAINT "ehrquarterlykey_pkey" PRIMARY KEY ("EhrQuarterlyKeyNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrsummaryccd" (
    "EhrSummaryCcdNum" int8 NOT NULL,
    "PatNum" int8,
    "DateSummary" date,
    "ContentSummary" text,
    "EmailAttachNum" int8,
    CONSTRAINT "ehrsummaryccd_pkey" PRIMARY KEY ("EhrSummaryCcdNum")
);

CREATE TABLE IF NOT EXISTS raw."ehrtrigger" (
    "EhrTriggerNum" int8 NOT NULL,
    "Description" varchar(255),
    "ProblemSnomedList" text,
    "ProblemIcd9List" text,
    "ProblemIcd10List" text,
    "ProblemDefNumList" text,
    "MedicationNumList" text,
    "RxCuiList" text,
    "CvxList" text,
    "AllergyDefNumList" text,
    "DemographicsList" text,
    "LabLoincList" text,
    "VitalLoincList" text,
    "Instructions" text,
    "Bibliography" text,
    "Cardinality" bool,
    CONSTRAINT "ehrtrigger_pkey" PRIMARY KEY ("EhrTriggerNum")
);

CREATE TABLE IF NOT EXISTS raw."electid" (
    "ElectIDNum" int8 NOT NULL,
    "PayorID" varchar(255),
    "CarrierName" varchar(255),
    "IsMedicaid" bool,
    "ProviderTypes" varchar(255),
    "Comments" text,
    "CommBridge" bool,
    "Attributes" varchar(255),
    CONSTRAINT "electid_pkey" PRIMARY KEY ("ElectIDNum")
);

CREATE TABLE IF NOT EXISTS raw."emailaddress" (
    "EmailAddressNum" int8 NOT NULL,
    "SMTPserver" varchar(255),
    "EmailUsername" varchar(255),
    "EmailPassword" varchar(255),
    "ServerPort" int4,
    "UseSSL" bool,
    "SenderAddress" varchar(255),
    "Pop3ServerIncoming" varchar(255),
    "ServerPortIncoming" int4,
    "UserNum" int8,
    "AccessToken" varchar(2000),
    "RefreshToken" text,
    "DownloadInbox" bool,
    "QueryString" varchar(1000),
    "AuthenticationType" bool,
    CONSTRAINT "emailaddress_pkey" PRIMARY KEY ("EmailAddressNum")
);

CREATE TABLE IF NOT EXISTS raw."emailattach" (
    "EmailAttachNum" int8 NOT NULL,
    "EmailMessageNum" int8,
    "DisplayedFileName" varchar(255),
    "ActualFileName" varchar(255),
    "EmailTemplateNum" int8,
    CONSTRAINT "emailattach_pkey" PRIMARY KEY ("EmailAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."emailautograph" (
    "EmailAutographNum" int8 NOT NULL,
    "Description" text,
    "EmailAddress" varchar(255),
    "AutographText" text,
    CONSTRAINT "emailautograph_pkey" PRIMARY KEY ("EmailAutographNum")
);

CREATE TABLE IF NOT EXISTS raw."emailhostingtemplate" (
    "EmailHostingTemplateNum" int8 NOT NULL,
    "TemplateName" varchar(255),
    "Subject" text,
    "BodyPlainText" text,
    "BodyHTML" text,
    "TemplateId" int8,
    "ClinicNum" int8,
    "EmailTemplateType" varchar(255),
    "TemplateType" varchar(255),
    CONSTRAINT "emailhostingtemplate_pkey" PRIMARY KEY ("EmailHostingTemplateNum")
);

CREATE TABLE IF NOT EXISTS raw."emailmessage" (
    "EmailMessageNum" int8 NOT NULL,
    "PatNum" int8,
    "ToAddress" text,
    "FromAddress" text,
    "Subject" text,
    "BodyText" text,
    "MsgDateTime" timestamp,
    "SentOrReceived" int2,
    "RecipientAddress" varchar(255),
    "RawEmailIn" text,
    "ProvNumWebMail" int8,
    "PatNumSubj" int8,
    "CcAddress" text,
    "BccAddress" text,
    "HideIn" bool,
    "AptNum" int8,
    "UserNum" int8,
    "HtmlType" bool,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    "MsgType" varchar(255),
    "FailReason" varchar(255),
    CONSTRAINT "emailmessage_pkey" PRIMARY KEY ("EmailMessageNum")
);

CREATE TABLE IF NOT EXISTS raw."emailmessageuid" (
    "EmailMessageUidNum" int8 NOT NULL,
    "MsgId" text,
    "RecipientAddress" varchar(255),
    CONSTRAINT "emailmessageuid_pkey" PRIMARY KEY ("EmailMessageUidNum")
);

CREATE TABLE IF NOT EXISTS raw."emailsecure" (
    "EmailSecureNum" int8 NOT NULL,
    "ClinicNum" int8,
    "PatNum" int8,
    "EmailMessageNum" int8,
    "EmailChainFK" int8,
    "EmailFK" int8,
    "DateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    CONSTRAINT "emailsecure_pkey" PRIMARY KEY ("EmailSecureNum")
);

CREATE TABLE IF NOT EXISTS raw."emailsecureattach" (
    "EmailSecureAttachNum" int8 NOT NULL,
    "ClinicNum" int8,
    "EmailAttachNum" int8,
    "EmailSecureNum" int8,
    "AttachmentGuid" varchar(50),
    "DisplayedFileName" varchar(255),
    "Extension" varchar(255),
    "DateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    CONSTRAINT "emailsecureattach_pkey" PRIMARY KEY ("EmailSecureAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."emailtemplate" (
    "EmailTemplateNum" int8 NOT NULL,
    "Subject" text,
    "BodyText" text,
    "Description" text,
    "TemplateType" bool,
    CONSTRAINT "emailtemplate_pkey" PRIMARY KEY ("EmailTemplateNum")
);

CREATE TABLE IF NOT EXISTS raw."employee" (
    "EmployeeNum" int8 NOT NULL,
    "LName" varchar(255),
    "FName" varchar(255),
    "MiddleI" varchar(255),
    "IsHidden" bool,
    "ClockStatus" varchar(255),
    "PhoneExt" int4,
    "PayrollID" varchar(255),
    "WirelessPhone" varchar(255),
    "EmailWork" varchar(255),
    "EmailPersonal" varchar(255),
    "IsFurloughed" bool,
    "IsWorkingHome" bool,
    "ReportsTo" int8,
    CONSTRAINT "employee_pkey" PRIMARY KEY ("EmployeeNum")
);

CREATE TABLE IF NOT EXISTS raw."employer" (
    "EmployerNum" int8 NOT NULL,
    "EmpName" varchar(255),
    "Address" varchar(255),
    "Address2" varchar(255),
    "City" varchar(255),
    "State" varchar(255),
    "Zip" varchar(255),
    "Phone" varchar(255),
    CONSTRAINT "employer_pkey" PRIMARY KEY ("EmployerNum")
);

CREATE TABLE IF NOT EXISTS raw."encounter" (
    "EncounterNum" int8 NOT NULL,
    "PatNum" int8,
    "ProvNum" int8,
    "CodeValue" varchar(30),
    "CodeSystem" varchar(30),
    "Note" text,
    "DateEncounter" date,
    CONSTRAINT "encounter_pkey" PRIMARY KEY ("EncounterNum")
);

CREATE TABLE IF NOT EXISTS raw."entrylog" (
    "EntryLogNum" int8 NOT NULL,
    "UserNum" int8,
    "FKeyType" bool,
    "FKey" int8,
    "LogSource" int2,
    "EntryDateTime" timestamp,
    CONSTRAINT "entrylog_pkey" PRIMARY KEY ("EntryLogNum")
);

CREATE TABLE IF NOT EXISTS raw."eobattach" (
    "EobAttachNum" int8 NOT NULL,
    "ClaimPaymentNum" int8,
    "DateTCreated" timestamp,
    "FileName" varchar(255),
    "RawBase64" text,
    "ClaimNumPreAuth" int8,
    CONSTRAINT "eobattach_pkey" PRIMARY KEY ("EobAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."equipment" (
    "EquipmentNum" int8 NOT NULL,
    "Description" text,
    "SerialNumber" varchar(255),
    "ModelYear" varchar(2),
    "DatePurchased" date,
    "DateSold" date,
    "PurchaseCost" float8,
    "MarketValue" float8,
    "Location" text,
    "DateEntry" date,
    "ProvNumCheckedOut" int8,
    "DateCheckedOut" date,
    "DateExpectedBack" date,
    "DispenseNote" text,
    "Status" text,
    CONSTRAINT "equipment_pkey" PRIMARY KEY ("EquipmentNum")
);

CREATE TABLE IF NOT EXISTS raw."erouting" (
    "ERoutingNum" int8 NOT NULL,
    "Description" varchar(255),
    "PatNum" int8,
    "ClinicNum" int8,
    "SecDateTEntry" timestamp,
    "IsComplete" bool,
    CONSTRAINT "erouting_pkey" PRIMARY KEY ("ERoutingNum")
);

CREATE TABLE IF NOT EXISTS raw."eroutingaction" (
    "ERoutingActionNum" int8 NOT NULL,
    "ERoutingNum" int8,
    "ItemOrder" int4,
    "ERoutingActionType" bool,
    "UserNum" int8,
    "IsComplete" bool,
    "DateTimeComplete" timestamp,
    "ForeignKeyType" bool,
    "ForeignKey" int8,
    "LabelOverride" varchar(255),
    CONSTRAINT "eroutingaction_pkey" PRIMARY KEY ("ERoutingActionNum")
);

CREATE TABLE IF NOT EXISTS raw."erxlog" (
    "ErxLogNum" int8 NOT NULL,
    "PatNum" int8,
    "MsgText" text,
    "DateTStamp" timestamp,
    "ProvNum" int8,
    "UserNum" int8,
    CONSTRAINT "erxlog_pkey" PRIMARY KEY ("ErxLogNum")
);

CREATE TABLE IF NOT EXISTS raw."eservicelog" (
    "EServiceLogNum" int8 NOT NULL,
    "LogDateTime" timestamp,
    "PatNum" int8,
    "EServiceType" int2,
    "EServiceAction" int2,
    "KeyType" int2,
    "LogGuid" varchar(36),
    "ClinicNum" int8,
    "FKey" int8,
    "DateTimeUploaded" timestamp,
    "Note" varchar(255),
    CONSTRAINT "eservicelog_pkey" PRIMARY KEY ("EServiceLogNum")
);

CREATE TABLE IF NOT EXISTS raw."eserviceshortguid" (
    "EServiceShortGuidNum" int8 NOT NULL,
    "EServiceCode" varchar(255),
    "ShortGuid" varchar(255),
    "ShortURL" varchar(255),
    "FKey" int8,
    "FKeyType" varchar(255),
    "DateTimeExpiration" timestamp,
    "DateTEntry" timestamp,
    CONSTRAINT "eserviceshortguid_pkey" PRIMARY KEY ("EServiceShortGuidNum")
);

CREATE TABLE IF NOT EXISTS raw."eservicesignal" (
    "EServiceSignalNum" int8 NOT NULL,
    "ServiceCode" int4,
    "ReasonCategory" int4,
    "ReasonCode" int4,
    "Severity" int2,
    "Description" text,
    "SigDateTime" timestamp,
    "Tag" text,
    "IsProcessed" bool,
    CONSTRAINT "eservicesignal_pkey" PRIMARY KEY ("EServiceSignalNum")
);

CREATE TABLE IF NOT EXISTS raw."etl_load_status" (
    "id" serial4 NOT NULL,
    "table_name" varchar(255) NOT NULL UNIQUE,
    "last_loaded" timestamp NOT NULL DEFAULT '1970-01-01 00:00:01'::timestamp without time zone,
    "last_primary_value" varchar(255),
    "primary_column_name" varchar(255),
    "rows_loaded" int4 DEFAULT 0,
    "load_status" varchar(50) DEFAULT 'pending'::character varying,
    "_loaded_at" timestamp DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "etl_load_status_pkey" PRIMARY KEY ("id")
);

CREATE TABLE IF NOT EXISTS raw."etl_pipeline_metrics" (
    "id" serial4 NOT NULL,
    "pipeline_id" varchar(50) NOT NULL,
    "start_time" timestamp,
    "end_time" timestamp,
    "total_time" float8,
    "tables_processed" int4 DEFAULT 0,
    "total_rows_processed" int4 DEFAULT 0,
    "success" bool DEFAULT true,
    "error_count" int4 DEFAULT 0,
    "status" varchar(20) DEFAULT 'idle'::character varying,
    "metrics_json" jsonb,
    "created_at" timestamp DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "etl_pipeline_metrics_pkey" PRIMARY KEY ("id")
);

CREATE TABLE IF NOT EXISTS raw."etl_table_metrics" (
    "id" serial4 NOT NULL,
    "pipeline_id" varchar(50) NOT NULL,
    "table_name" varchar(100) NOT NULL,
    "rows_processed" int4 DEFAULT 0,
    "processing_time" float8,
    "success" bool DEFAULT true,
    "error" text,
    "timestamp" timestamp,
    "created_at" timestamp DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "etl_table_metrics_pkey" PRIMARY KEY ("id")
);

CREATE TABLE IF NOT EXISTS raw."etl_transform_status" (
    "id" serial4 NOT NULL,
    "table_name" varchar(255) NOT NULL UNIQUE,
    "last_transformed" timestamp NOT NULL DEFAULT '1970-01-01 00:00:01'::timestamp without time zone,
    "last_primary_value" varchar(255),
    "primary_column_name" varchar(255),
    "rows_transformed" int4 DEFAULT 0,
    "transform_status" varchar(50) DEFAULT 'pending'::character varying,
    "_transformed_at" timestamp DEFAULT CURRENT_TIMESTAMP,
    "_created_at" timestamp DEFAULT CURRENT_TIMESTAMP,
    "_updated_at" timestamp DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "etl_transform_status_pkey" PRIMARY KEY ("id")
);

CREATE TABLE IF NOT EXISTS raw."etrans" (
    "EtransNum" int8 NOT NULL,
    "DateTimeTrans" timestamp,
    "ClearingHouseNum" int8,
    "Etype" int2,
    "ClaimNum" int8,
    "OfficeSequenceNumber" int4,
    "CarrierTransCounter" int4,
    "CarrierTransCounter2" int4,
    "CarrierNum" int8,
    "CarrierNum2" int8,
    "PatNum" int8,
    "BatchNumber" int4,
    "AckCode" varchar(255),
    "TransSetNum" int4,
    "Note" text,
    "EtransMessageTextNum" int8,
    "AckEtransNum" int8,
    "PlanNum" int8,
    "InsSubNum" int8,
    "TranSetId835" varchar(255),
    "CarrierNameRaw" varchar(60),
    "PatientNameRaw" varchar(133),
    "UserNum" int8,
    CONSTRAINT "etrans_pkey" PRIMARY KEY ("EtransNum")
);

CREATE TABLE IF NOT EXISTS raw."etrans835" (
    "Etrans835Num" int8 NOT NULL,
    "EtransNum" int8,
    "PayerName" varchar(60),
    "TransRefNum" varchar(50),
    "InsPaid" float8,
    "ControlId" varchar(9),
    "PaymentMethodCode" varchar(3),
    "PatientName" varchar(100),
    "Status" bool,
    "AutoProcessed" bool,
    "IsApproved" bool,
    CONSTRAINT "etrans835_pkey" PRIMARY KEY ("Etrans835Num")
);

CREATE TABLE IF NOT EXISTS raw."etrans835attach" (
    "Etrans835AttachNum" int8 NOT NULL,
    "EtransNum" int8,
    "ClaimNum" int8,
    "ClpSegmentIndex" int4,
    "DateTimeEntry" timestamp,
    CONSTRAINT "etrans835attach_pkey" PRIMARY KEY ("Etrans835AttachNum")
);

CREATE TABLE IF NOT EXISTS raw."etransmessagetext" (
    "EtransMessageTextNum" int8 NOT NULL,
    "MessageText" text,
    CONSTRAINT "etransmessagetext_pkey" PRIMARY KEY ("EtransMessageTextNum")
);

CREATE TABLE IF NOT EXISTS raw."evaluation" (
    "EvaluationNum" int8 NOT NULL,
    "InstructNum" int8,
    "StudentNum" int8,
    "SchoolCourseNum" int8,
    "EvalTitle" varchar(255),
    "DateEval" date,
    "GradingScaleNum" int8,
    "OverallGradeShowing" varchar(255),
    "OverallGradeNumber" float4,
    "Notes" text,
    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("EvaluationNum")
);

CREATE TABLE IF NOT EXISTS raw."evaluationcriterion" (
    "EvaluationCriterionNum" int8 NOT NULL,
    "EvaluationNum" int8,
    "CriterionDescript" varchar(255),
    "IsCategoryName" bool,
    "GradingScaleNum" int8,
    "GradeShowing" varchar(255),
    "GradeNumber" float4,
    "Notes" text,
    "ItemOrder" int4,
    "MaxPointsPoss" float4,
    CONSTRAINT "evaluationcriterion_pkey" PRIMARY KEY ("EvaluationCriterionNum")
);

CREATE TABLE IF NOT EXISTS raw."famaging" (
    "PatNum" int8 NOT NULL,
    "Bal_0_30" float8,
    "Bal_31_60" float8,
    "Bal_61_90" float8,
    "BalOver90" float8,
    "InsEst" float8,
    "BalTotal" float8,
    "PayPlanDue" float8,
    CONSTRAINT "famaging_pkey" PRIMARY KEY ("PatNum")
);

CREATE TABLE IF NOT EXISTS raw."familyhealth" (
    "FamilyHealthNum" int8 NOT NULL,
    "PatNum" int8,
    "Relationship" bool,
    "DiseaseDefNum" int8,
    "PersonName" varchar(255),
    CONSTRAINT "familyhealth_pkey" PRIMARY KEY ("FamilyHealthNum")
);

CREATE TABLE IF NOT EXISTS raw."fee" (
    "FeeNum" int8 NOT NULL,
    "Amount" float8,
    "OldCode" varchar(15),
    "FeeSched" int8,
    "UseDefaultFee" bool,
    "UseDefaultCov" bool,
    "CodeNum" int8,
    "ClinicNum" int8,
    "ProvNum" int8,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    CONSTRAINT "fee_pkey" PRIMARY KEY ("FeeNum")
);

CREATE TABLE IF NOT EXISTS raw."feesched" (
    "FeeSchedNum" int8 NOT NULL,
    "Description" varchar(255),
    "FeeSchedType" int4,
    "ItemOrder" int4,
    "IsHidden" bool,
    "IsGlobal" bool,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    CONSTRAINT "feesched_pkey" PRIMARY KEY ("FeeSchedNum")
);

CREATE TABLE IF NOT EXISTS raw."feeschedgroup" (
    "FeeSchedGroupNum" int8 NOT NULL,
    "Description" varchar(255),
    "FeeSchedNum" int8,
    "ClinicNums" varchar(255),
    CONSTRAINT "feeschedgroup_pkey" PRIMARY KEY ("FeeSchedGroupNum")
);

CREATE TABLE IF NOT EXISTS raw."fhircontactpoint" (
    "FHIRContactPointNum" int8 NOT NULL,
    "FHIRSubscriptionNum" int8,
    "ContactSystem" bool,
    "ContactValue" varchar(255),
    "ContactUse" bool,
    "ItemOrder" int4,
    "DateStart" date,
    "DateEnd" date,
    CONSTRAINT "fhircontactpoint_pkey" PRIMARY KEY ("FHIRContactPointNum")
);

CREATE TABLE IF NOT EXISTS raw."fhirsubscription" (
    "FHIRSubscriptionNum" int8 NOT NULL,
    "Criteria" varchar(255),
    "Reason" varchar(255),
    "SubStatus" bool,
    "ErrorNote" text,
    "ChannelType" bool,
    "ChannelEndpoint" varchar(255),
    "ChannelPayLoad" varchar(255),
    "ChannelHeader" varchar(255),
    "DateEnd" timestamp,
    "APIKeyHash" varchar(255),
    CONSTRAINT "fhirsubscription_pkey" PRIMARY KEY ("FHIRSubscriptionNum")
);

CREATE TABLE IF NOT EXISTS raw."files" (
    "DocNum" int8 NOT NULL,
    "Data" bytea,
    "Thumbnail" bytea,
    CONSTRAINT "files_pkey" PRIMARY KEY ("DocNum")
);

CREATE TABLE IF NOT EXISTS raw."formpat" (
    "FormPatNum" int8 NOT NULL,
    "PatNum" int8,
    "FormDateTime" timestamp,
    CONSTRAINT "formpat_pkey" PRIMARY KEY ("FormPatNum")
);

CREATE TABLE IF NOT EXISTS raw."gradingscale" (
    "GradingScaleNum" int8 NOT NULL,
    "Description" varchar(255),
    "ScaleType" bool,
    CONSTRAINT "gradingscale_pkey" PRIMARY KEY ("GradingScaleNum")
);

CREATE TABLE IF NOT EXISTS raw."gradingscaleitem" (
    "GradingScaleItemNum" int8 NOT NULL,
    "GradingScaleNum" int8,
    "GradeShowing" varchar(255),
    "GradeNumber" float4,
    "Description" varchar(255),
    CONSTRAINT "gradingscaleitem_pkey" PRIMARY KEY ("GradingScaleItemNum")
);

CREATE TABLE IF NOT EXISTS raw."grouppermission" (
    "GroupPermNum" int8 NOT NULL,
    "NewerDate" date,
    "NewerDays" int4,
    "UserGroupNum" int8,
    "PermType" int2,
    "FKey" int8,
    CONSTRAINT "grouppermission_pkey" PRIMARY KEY ("GroupPermNum")
);

CREATE TABLE IF NOT EXISTS raw."guardian" (
    "GuardianNum" int8 NOT NULL,
    "PatNumChild" int8,
    "PatNumGuardian" int8,
    "Relationship" int2,
    "IsGuardian" bool,
    CONSTRAINT "guardian_pkey" PRIMARY KEY ("GuardianNum")
);

CREATE TABLE IF NOT EXISTS raw."hcpcs" (
    "HcpcsNum" int8 NOT NULL,
    "HcpcsCode" varchar(255),
    "DescriptionShort" varchar(255),
    CONSTRAINT "hcpcs_pkey" PRIMARY KEY ("HcpcsNum")
);

CREATE TABLE IF NOT EXISTS raw."hieclinic" (
    "HieClinicNum" int8 NOT NULL,
    "ClinicNum" int8,
    "SupportedCarrierFlags" bool,
    "PathExportCCD" varchar(255),
    "TimeOfDayExportCCD" int8,
    "IsEnabled" bool,
    CONSTRAINT "hieclinic_pkey" PRIMARY KEY ("HieClinicNum")
);

CREATE TABLE IF NOT EXISTS raw."hiequeue" (
    "HieQueueNum" int8 NOT NULL,
    "PatNum" int8,
    CONSTRAINT "hiequeue_pkey" PRIMARY KEY ("HieQueueNum")
);

CREATE TABLE IF NOT EXISTS raw."histappointment" (
    "HistApptNum" int8 NOT NULL,
    "HistUserNum" int8,
    "HistDateTStamp" timestamp,
    "HistApptAction" int2,
    "ApptSource" bool,
    "AptNum" int8,
    "PatNum" int8,
    "AptStatus" int2,
    "Pattern" varchar(255),
    "Confirmed" int8,
    "TimeLocked" bool,
    "Op" int8,
    "Note" text,
    "ProvNum" int8,
    "ProvHyg" int8,
    "AptDateTime" timestamp,
    "NextAptNum" int8,
    "UnschedStatus" int8,
    "IsNewPatient" bool,
    "ProcDescript" varchar(255),
    "Assistant" int8,
    "ClinicNum" int8,
    "IsHygiene" bool,
    "DateTStamp" timestamp,
    "DateTimeArrived" timestamp,
    "DateTimeSeated" timestamp,
    "DateTimeDismissed" timestamp,
    "InsPlan1" int8,
    "InsPlan2" int8,
    "DateTimeAskedToArrive" timestamp,
    "ProcsColored" text,
    "ColorOverride" int4,
    "AppointmentTypeNum" int8,
    "SecUserNumEntry" int8,
    "SecDateTEntry" timestamp,
    "Priority" bool,
    "ProvBarText" varchar(60),
    "PatternSecondary" varchar(255),
    "SecurityHash" varchar(255),
    "ItemOrderPlanned" int4,
    "IsMirrored" bool,
    CONSTRAINT "histappointment_pkey" PRIMARY KEY ("HistApptNum")
);

CREATE TABLE IF NOT EXISTS raw."hl7msg" (
    "HL7MsgNum" int8 NOT NULL,
    "HL7Status" int4,
    "MsgText" text,
    "AptNum" int8,
    "DateTStamp" timestamp,
    "PatNum" int8,
    "Note" text,
    CONSTRAINT "hl7msg_pkey" PRIMARY KEY ("HL7MsgNum")
);

CREATE TABLE IF NOT EXISTS raw."hl7procattach" (
    "HL7ProcAttachNum" int8 NOT NULL,
    "HL7MsgNum" int8,
    "ProcNum" int8,
    CONSTRAINT "hl7procattach_pkey" PRIMARY KEY ("HL7ProcAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."icd10" (
    "Icd10Num" int8 NOT NULL,
    "Icd10Code" varchar(255),
    "Description" varchar(255),
    "IsCode" varchar(255),
    CONSTRAINT "icd10_pkey" PRIMARY KEY ("Icd10Num")
);

CREATE TABLE IF NOT EXISTS raw."icd9" (
    "ICD9Num" int8 NOT NULL,
    "ICD9Code" varchar(255),
    "Description" varchar(255),
    "DateTStamp" timestamp,
    CONSTRAINT "icd9_pkey" PRIMARY KEY ("ICD9Num")
);

CREATE TABLE IF NOT EXISTS raw."imagedraw" (
    "ImageDrawNum" int8 NOT NULL,
    "DocNum" int8,
    "MountNum" int8,
    "ColorDraw" int4,
    "ColorBack" int4,
    "DrawingSegment" text,
    "DrawText" varchar(255),
    "FontSize" float4,
    "DrawType" int2,
    "ImageAnnotVendor" bool,
    "Details" text,
    "PearlLayer" bool,
    CONSTRAINT "imagedraw_pkey" PRIMARY KEY ("ImageDrawNum")
);

CREATE TABLE IF NOT EXISTS raw."imagingdevice" (
    "ImagingDeviceNum" int8 NOT NULL,
    "Description" varchar(255),
    "ComputerName" varchar(255),
    "DeviceType" int2,
    "TwainName" varchar(255),
    "ItemOrder" int4,
    "ShowTwainUI" bool,
    CONSTRAINT "imagingdevice_pkey" PRIMARY KEY ("ImagingDeviceNum")
);

CREATE TABLE IF NOT EXISTS raw."insbluebook" (
    "InsBlueBookNum" int8 NOT NULL,
    "ProcCodeNum" int8,
    "CarrierNum" int8,
    "PlanNum" int8,
    "GroupNum" varchar(25),
    "InsPayAmt" float8,
    "AllowedOverride" float8,
    "DateTEntry" timestamp,
    "ProcNum" int8,
    "ProcDate" date,
    "ClaimType" varchar(10),
    "ClaimNum" int8,
    CONSTRAINT "insbluebook_pkey" PRIMARY KEY ("InsBlueBookNum")
);

CREATE TABLE IF NOT EXISTS raw."insbluebooklog" (
    "InsBlueBookLogNum" int8 NOT NULL,
    "ClaimProcNum" int8,
    "AllowedFee" float8,
    "DateTEntry" timestamp,
    "Description" text,
    CONSTRAINT "insbluebooklog_pkey" PRIMARY KEY ("InsBlueBookLogNum")
);

CREATE TABLE IF NOT EXISTS raw."insbluebookrule" (
    "InsBlueBookRuleNum" int8 NOT NULL,
    "ItemOrder" int2,
    "RuleType" int2,
    "LimitValue" int4,
    "LimitType" bool,
    CONSTRAINT "insbluebookrule_pkey" PRIMARY KEY ("InsBlueBookRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."inseditlog" (
    "InsEditLogNum" int8 NOT NULL,
    "FKey" int8,
    "LogType" int2,
    "FieldName" varchar(255),
    "OldValue" varchar(255),
    "NewValue" varchar(255),
    "UserNum" int8,
    "DateTStamp" timestamp,
    "ParentKey" int8,
    "Description" varchar(255),
    CONSTRAINT "inseditlog_pkey" PRIMARY KEY ("InsEditLogNum")
);

CREATE TABLE IF NOT EXISTS raw."inseditpatlog" (
    "InsEditPatLogNum" int8 NOT NULL,
    "FKey" int8,
    "LogType" int2,
    "FieldName" varchar(255),
    "OldValue" varchar(255),
    "NewValue" varchar(255),
    "UserNum" int8,
    "DateTStamp" timestamp,
    "ParentKey" int8,
    "Description" varchar(255),
    CONSTRAINT "inseditpatlog_pkey" PRIMARY KEY ("InsEditPatLogNum")
);

CREATE TABLE IF NOT EXISTS raw."insfilingcode" (
    "InsFilingCodeNum" int8 NOT NULL,
    "Descript" varchar(255),
    "EclaimCode" varchar(100),
    "ItemOrder" int4,
    "GroupType" int8,
    "ExcludeOtherCoverageOnPriClaims" bool,
    CONSTRAINT "insfilingcode_pkey" PRIMARY KEY ("InsFilingCodeNum")
);

CREATE TABLE IF NOT EXISTS raw."insplan" (
    "PlanNum" int8 NOT NULL,
    "GroupName" varchar(50),
    "GroupNum" varchar(25),
    "PlanNote" text,
    "FeeSched" int8,
    "PlanType" bpchar(1),
    "ClaimFormNum" int8,
    "UseAltCode" bool,
    "ClaimsUseUCR" bool,
    "CopayFeeSched" int8,
    "EmployerNum" int8,
    "CarrierNum" int8,
    "AllowedFeeSched" int8,
    "TrojanID" varchar(100),
    "DivisionNo" varchar(255),
    "IsMedical" bool,
    "FilingCode" int8,
    "DentaideCardSequence" bool,
    "ShowBaseUnits" bool,
    "CodeSubstNone" bool,
    "IsHidden" bool,
    "MonthRenew" int2,
    "FilingCodeSubtype" int8,
    "CanadianPlanFlag" varchar(5),
    "CanadianDiagnosticCode" varchar(255),
    "CanadianInstitutionCode" varchar(255),
    "RxBIN" varchar(255),
    "CobRule" int2,
    "SopCode" varchar(255),
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "HideFromVerifyList" bool,
    "OrthoType" bool,
    "OrthoAutoProcFreq" bool,
    "OrthoAutoProcCodeNumOverride" int8,
    "OrthoAutoFeeBilled" float8,
    "OrthoAutoClaimDaysWait" int4,
    "BillingType" int8,
    "HasPpoSubstWriteoffs" bool,
    "ExclusionFeeRule" bool,
    "ManualFeeSchedNum" int8,
    "IsBlueBookEnabled" bool,
    "InsPlansZeroWriteOffsOnAnnualMaxOverride" bool,
    "InsPlansZeroWriteOffsOnFreqOrAgingOverride" bool,
    "PerVisitPatAmount" float8,
    "PerVisitInsAmount" float8,
    CONSTRAINT "insplan_pkey" PRIMARY KEY ("PlanNum")
);

CREATE TABLE IF NOT EXISTS raw."insplanpreference" (
    "InsPlanPrefNum" int8 NOT NULL,
    "PlanNum" int8,
    "FKey" int8,
    "FKeyType" bool,
    "ValueString" text,
    CONSTRAINT "insplanpreference_pkey" PRIMARY KEY ("InsPlanPrefNum")
);

CREATE TABLE IF NOT EXISTS raw."inssub" (
    "InsSubNum" int8 NOT NULL,
    "PlanNum" int8,
    "Subscriber" int8,
    "DateEffective" date,
    "DateTerm" date,
    "ReleaseInfo" bool,
    "AssignBen" bool,
    "SubscriberID" varchar(255),
    "BenefitNotes" text,
    "SubscNote" text,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "SecurityHash" varchar(255),
    CONSTRAINT "inssub_pkey" PRIMARY KEY ("InsSubNum")
);

CREATE TABLE IF NOT EXISTS raw."installmentplan" (
    "InstallmentPlanNum" int8 NOT NULL,
    "PatNum" int8,
    "DateAgreement" date,
    "DateFirstPayment" date,
    "MonthlyPayment" float8,
    "APR" float4,
    "Note" varchar(255),
    CONSTRAINT "installmentplan_pkey" PRIMARY KEY ("InstallmentPlanNum")
);

CREATE TABLE IF NOT EXISTS raw."instructor" (
    "InstructorNum" int4 NOT NULL,
    "LName" varchar(255),
    "FName" varchar(255),
    "Suffix" varchar(100),
    CONSTRAINT "instructor_pkey" PRIMARY KEY ("InstructorNum")
);

CREATE TABLE IF NOT EXISTS raw."insverify" (
    "InsVerifyNum" int8 NOT NULL,
    "DateLastVerified" date,
    "UserNum" int8,
    "VerifyType" int2,
    "FKey" int8,
    "DefNum" int8,
    "Note" text,
    "DateLastAssigned" date,
    "DateTimeEntry" timestamp,
    "HoursAvailableForVerification" float8,
    "SecDateTEdit" timestamp,
    "SecurityHash" varchar(255),
    CONSTRAINT "insverify_pkey" PRIMARY KEY ("InsVerifyNum")
);

CREATE TABLE IF NOT EXISTS raw."insverifyhist" (
    "InsVerifyHistNum" int8 NOT NULL,
    "InsVerifyNum" int8,
    "DateLastVerified" date,
    "UserNum" int8,
    "VerifyType" int2,
    "FKey" int8,
    "DefNum" int8,
    "Note" text,
    "DateLastAssigned" date,
    "DateTimeEntry" timestamp,
    "HoursAvailableForVerification" float8,
    "VerifyUserNum" int8,
    "SecDateTEdit" timestamp,
    "SecurityHash" varchar(255),
    CONSTRAINT "insverifyhist_pkey" PRIMARY KEY ("InsVerifyHistNum")
);

CREATE TABLE IF NOT EXISTS raw."intervention" (
    "InterventionNum" int8 NOT NULL,
    "PatNum" int8,
    "ProvNum" int8,
    "CodeValue" varchar(30),
    "CodeSystem" varchar(30),
    "Note" text,
    "DateEntry" date,
    "CodeSet" bool,
    "IsPatDeclined" bool,
    CONSTRAINT "intervention_pkey" PRIMARY KEY ("InterventionNum")
);

CREATE TABLE IF NOT EXISTS raw."journalentry" (
    "JournalEntryNum" int8 NOT NULL,
    "TransactionNum" int8,
    "AccountNum" int8,
    "DateDisplayed" date,
    "DebitAmt" float8,
    "CreditAmt" float8,
    "Memo" text,
    "Splits" text,
    "CheckNumber" varchar(255),
    "ReconcileNum" int8,
    "SecUserNumEntry" int8,
    "SecDateTEntry" timestamp,
    "SecUserNumEdit" int8,
    "SecDateTEdit" timestamp,
    CONSTRAINT "journalentry_pkey" PRIMARY KEY ("JournalEntryNum")
);

CREATE TABLE IF NOT EXISTS raw."labcase" (
    "LabCaseNum" int8 NOT NULL,
    "PatNum" int8,
    "LaboratoryNum" int8,
    "AptNum" int8,
    "PlannedAptNum" int8,
    "DateTimeDue" timestamp,
    "DateTimeCreated" timestamp,
    "DateTimeSent" timestamp,
    "DateTimeRecd" timestamp,
    "DateTimeChecked" timestamp,
    "ProvNum" int8,
    "Instructions" text,
    "LabFee" float8,
    "DateTStamp" timestamp,
    "InvoiceNum" varchar(255),
    CONSTRAINT "labcase_pkey" PRIMARY KEY ("LabCaseNum")
);

CREATE TABLE IF NOT EXISTS raw."laboratory" (
    "LaboratoryNum" int8 NOT NULL,
    "Description" varchar(255),
    "Phone" varchar(255),
    "Notes" text,
    "Slip" int8,
    "Address" varchar(255),
    "City" varchar(255),
    "State" varchar(255),
    "Zip" varchar(255),
    "Email" varchar(255),
    "WirelessPhone" varchar(255),
    "IsHidden" bool,
    CONSTRAINT "laboratory_pkey" PRIMARY KEY ("LaboratoryNum")
);

CREATE TABLE IF NOT EXISTS raw."labpanel" (
    "LabPanelNum" int8 NOT NULL,
    "PatNum" int8,
    "RawMessage" text,
    "LabNameAddress" varchar(255),
    "DateTStamp" timestamp,
    "SpecimenCondition" varchar(255),
    "SpecimenSource" varchar(255),
    "ServiceId" varchar(255),
    "ServiceName" varchar(255),
    "MedicalOrderNum" int8,
    CONSTRAINT "labpanel_pkey" PRIMARY KEY ("LabPanelNum")
);

CREATE TABLE IF NOT EXISTS raw."labresult" (
    "LabResultNum" int8 NOT NULL,
    "LabPanelNum" int8,
    "DateTimeTest" timestamp,
    "TestName" varchar(255),
    "DateTStamp" timestamp,
    "TestID" varchar(255),
    "ObsValue" varchar(255),
    "ObsUnits" varchar(255),
    "ObsRange" varchar(255),
    "AbnormalFlag" bool,
    CONSTRAINT "labresult_pkey" PRIMARY KEY ("LabResultNum")
);

CREATE TABLE IF NOT EXISTS raw."labturnaround" (
    "LabTurnaroundNum" int8 NOT NULL,
    "LaboratoryNum" int8,
    "Description" varchar(255),
    "DaysPublished" int2,
    "DaysActual" int2,
    CONSTRAINT "labturnaround_pkey" PRIMARY KEY ("LabTurnaroundNum")
);

CREATE TABLE IF NOT EXISTS raw."language" (
    "LanguageNum" int8 NOT NULL,
    "EnglishComments" text,
    "ClassType" text,
    "English" text,
    "IsObsolete" bool,
    CONSTRAINT "language_pkey" PRIMARY KEY ("LanguageNum")
);

CREATE TABLE IF NOT EXISTS raw."languageforeign" (
    "LanguageForeignNum" int8 NOT NULL,
    "ClassType" text,
    "English" text,
    "Culture" varchar(255),
    "Translation" text,
    "Comments" text,
    CONSTRAINT "languageforeign_pkey" PRIMARY KEY ("LanguageForeignNum")
);

CREATE TABLE IF NOT EXISTS raw."languagepat" (
    "LanguagePatNum" int8 NOT NULL,
    "PrefName" varchar(255),
    "Language" varchar(255),
    "Translation" text,
    "EFormFieldDefNum" int8,
    CONSTRAINT "languagepat_pkey" PRIMARY KEY ("LanguagePatNum")
);

CREATE TABLE IF NOT EXISTS raw."letter" (
    "LetterNum" int8 NOT NULL,
    "Description" varchar(255),
    "BodyText" text,
    CONSTRAINT "letter_pkey" PRIMARY KEY ("LetterNum")
);

CREATE TABLE IF NOT EXISTS raw."lettermerge" (
    "LetterMergeNum" int8 NOT NULL,
    "Description" varchar(255),
    "TemplateName" varchar(255),
    "DataFileName" varchar(255),
    "Category" int8,
    "ImageFolder" int8,
    CONSTRAINT "lettermerge_pkey" PRIMARY KEY ("LetterMergeNum")
);

CREATE TABLE IF NOT EXISTS raw."lettermergefield" (
    "FieldNum" int8 NOT NULL,
    "LetterMergeNum" int8,
    "FieldName" varchar(255),
    CONSTRAINT "lettermergefield_pkey" PRIMARY KEY ("FieldNum")
);

CREATE TABLE IF NOT EXISTS raw."limitedbetafeature" (
    "LimitedBetaFeatureNum" int8 NOT NULL,
    "LimitedBetaFeatureTypeNum" int8,
    "ClinicNum" int8,
    "IsSignedUp" bool,
    CONSTRAINT "limitedbetafeature_pkey" PRIMARY KEY ("LimitedBetaFeatureNum")
);

CREATE TABLE IF NOT EXISTS raw."loginattempt" (
    "LoginAttemptNum" int8 NOT NULL,
    "UserName" varchar(255),
    "LoginType" bool,
    "DateTFail" timestamp,
    CONSTRAINT "loginattempt_pkey" PRIMARY KEY ("LoginAttemptNum")
);

CREATE TABLE IF NOT EXISTS raw."loinc" (
    "LoincNum" int8 NOT NULL,
    "LoincCode" varchar(255),
    "Component" varchar(255),
    "PropertyObserved" varchar(255),
    "TimeAspct" varchar(255),
    "SystemMeasured" varchar(255),
    "ScaleType" varchar(255),
    "MethodType" varchar(255),
    "StatusOfCode" varchar(255),
    "NameShort" varchar(255),
    "ClassType" varchar(255),
    "UnitsRequired" bool,
    "OrderObs" varchar(255),
    "HL7FieldSubfieldID" varchar(255),
    "ExternalCopyrightNotice" text,
    "NameLongCommon" varchar(255),
    "UnitsUCUM" varchar(255),
    "RankCommonTests" int4,
    "RankCommonOrders" int4,
    CONSTRAINT "loinc_pkey" PRIMARY KEY ("LoincNum")
);

CREATE TABLE IF NOT EXISTS raw."maparea" (
    "MapAreaNum" int8 NOT NULL,
    "Extension" int4,
    "XPos" float8,
    "YPos" float8,
    "Width" float8,
    "Height" float8,
    "Description" varchar(255),
    "ItemType" bool,
    "MapAreaContainerNum" int8,
    CONSTRAINT "maparea_pkey" PRIMARY KEY ("MapAreaNum")
);

CREATE TABLE IF NOT EXISTS raw."medicalorder" (
    "MedicalOrderNum" int8 NOT NULL,
    "MedOrderType" bool,
    "PatNum" int8,
    "DateTimeOrder" timestamp,
    "Description" varchar(255),
    "IsDiscontinued" bool,
    "ProvNum" int8,
    CONSTRAINT "medicalorder_pkey" PRIMARY KEY ("MedicalOrderNum")
);

CREATE TABLE IF NOT EXISTS raw."medication" (
    "MedicationNum" int8 NOT NULL,
    "MedName" varchar(255),
    "GenericNum" int8,
    "Notes" text,
    "DateTStamp" timestamp,
    "RxCui" int8,
    CONSTRAINT "medication_pkey" PRIMARY KEY ("MedicationNum")
);

CREATE TABLE IF NOT EXISTS raw."medicationpat" (
    "MedicationPatNum" int8 NOT NULL,
    "PatNum" int8,
    "MedicationNum" int8,
    "PatNote" text,
    "DateTStamp" timestamp,
    "DateStart" date,
    "DateStop" date,
    "ProvNum" int8,
    "MedDescript" varchar(255),
    "RxCui" int8,
    "ErxGuid" varchar(255),
    "IsCpoe" bool,
    CONSTRAINT "medicationpat_pkey" PRIMARY KEY ("MedicationPatNum")
);

CREATE TABLE IF NOT EXISTS raw."medlab" (
    "MedLabNum" int8 NOT NULL,
    "SendingApp" varchar(255),
    "SendingFacility" varchar(255),
    "PatNum" int8,
    "ProvNum" int8,
    "PatIDLab" varchar(255),
    "PatIDAlt" varchar(255),
    "PatAge" varchar(255),
    "PatAccountNum" varchar(255),
    "PatFasting" bool,
    "SpecimenID" varchar(255),
    "SpecimenIDFiller" varchar(255),
    "ObsTestID" varchar(255),
    "ObsTestDescript" varchar(255),
    "ObsTestLoinc" varchar(255),
    "ObsTestLoincText" varchar(255),
    "DateTimeCollected" timestamp,
    "TotalVolume" varchar(255),
    "ActionCode" varchar(255),
    "ClinicalInfo" varchar(255),
    "DateTimeEntered" timestamp,
    "OrderingProvNPI" varchar(255),
    "OrderingProvLocalID" varchar(255),
    "OrderingProvLName" varchar(255),
    "OrderingProvFName" varchar(255),
    "SpecimenIDAlt" varchar(255),
    "DateTimeReported" timestamp,
    "ResultStatus" varchar(255),
    "ParentObsID" varchar(255),
    "ParentObsTestID" varchar(255),
    "NotePat" text,
    "NoteLab" text,
    "FileName" varchar(255),
    "OriginalPIDSegment" text,
    CONSTRAINT "medlab_pkey" PRIMARY KEY ("MedLabNum")
);

CREATE TABLE IF NOT EXISTS raw."medlabfacattach" (
    "MedLabFacAttachNum" int8 NOT NULL,
    "MedLabNum" int8,
    "MedLabResultNum" int8,
    "MedLabFacilityNum" int8,
    CONSTRAINT "medlabfacattach_pkey" PRIMARY KEY ("MedLabFacAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."medlabfacility" (
    "MedLabFacilityNum" int8 NOT NULL,
    "FacilityName" varchar(255),
    "Address" varchar(255),
    "City" varchar(255),
    "State" varchar(255),
    "Zip" varchar(255),
    "Phone" varchar(255),
    "DirectorTitle" varchar(255),
    "DirectorLName" varchar(255),
    "DirectorFName" varchar(255),
    CONSTRAINT "medlabfacility_pkey" PRIMARY KEY ("MedLabFacilityNum")
);

CREATE TABLE IF NOT EXISTS raw."medlabresult" (
    "MedLabResultNum" int8 NOT NULL,
    "MedLabNum" int8,
    "ObsID" varchar(255),
    "ObsText" varchar(255),
    "ObsLoinc" varchar(255),
    "ObsLoincText" varchar(255),
    "ObsIDSub" varchar(255),
    "ObsValue" text,
    "ObsSubType" varchar(255),
    "ObsUnits" varchar(255),
    "ReferenceRange" varchar(255),
    "AbnormalFlag" varchar(255),
    "ResultStatus" varchar(255),
    "DateTimeObs" timestamp,
    "FacilityID" varchar(255),
    "DocNum" int8,
    "Note" text,
    CONSTRAINT "medlabresult_pkey" PRIMARY KEY ("MedLabResultNum")
);

CREATE TABLE IF NOT EXISTS raw."medlabspecimen" (
    "MedLabSpecimenNum" int8 NOT NULL,
    "MedLabNum" int8,
    "SpecimenID" varchar(255),
    "SpecimenDescript" varchar(255),
    "DateTimeCollected" timestamp,
    CONSTRAINT "medlabspecimen_pkey" PRIMARY KEY ("MedLabSpecimenNum")
);

CREATE TABLE IF NOT EXISTS raw."mobileappdevice" (
    "MobileAppDeviceNum" int8 NOT NULL,
    "ClinicNum" int8,
    "DeviceName" varchar(255),
    "UniqueID" varchar(255),
    "IsEclipboardEnabled" bool,
    "EclipboardLastAttempt" timestamp,
    "EclipboardLastLogin" timestamp,
    "PatNum" int8,
    "LastCheckInActivity" timestamp,
    "IsBYODDevice" bool,
    "DevicePage" int2,
    "UserNum" int8,
    "IsODTouchEnabled" bool,
    "ODTouchLastLogin" timestamp,
    "ODTouchLastAttempt" timestamp,
    CONSTRAINT "mobileappdevice_pkey" PRIMARY KEY ("MobileAppDeviceNum")
);

CREATE TABLE IF NOT EXISTS raw."mobilebrandingprofile" (
    "MobileBrandingProfileNum" int8 NOT NULL,
    "ClinicNum" int8,
    "OfficeDescription" varchar(255),
    "LogoFilePath" varchar(255),
    "DateTStamp" timestamp,
    CONSTRAINT "mobilebrandingprofile_pkey" PRIMARY KEY ("MobileBrandingProfileNum")
);

CREATE TABLE IF NOT EXISTS raw."mobiledatabyte" (
    "MobileDataByteNum" int8 NOT NULL,
    "RawBase64Data" text,
    "RawBase64Code" text,
    "RawBase64Tag" text,
    "PatNum" int8,
    "ActionType" bool,
    "DateTimeEntry" timestamp,
    "DateTimeExpires" timestamp,
    CONSTRAINT "mobiledatabyte_pkey" PRIMARY KEY ("MobileDataByteNum")
);

CREATE TABLE IF NOT EXISTS raw."mobilenotification" (
    "MobileNotificationNum" int8 NOT NULL,
    "NotificationType" bool,
    "DeviceId" varchar(255),
    "PrimaryKeys" text,
    "Tags" text,
    "DateTimeEntry" timestamp,
    "DateTimeExpires" timestamp,
    "AppTarget" bool,
    CONSTRAINT "mobilenotification_pkey" PRIMARY KEY ("MobileNotificationNum")
);

CREATE TABLE IF NOT EXISTS raw."mount" (
    "MountNum" int8 NOT NULL,
    "PatNum" int8,
    "DocCategory" int8,
    "DateCreated" timestamp,
    "Description" varchar(255),
    "Note" text,
    "Width" int4,
    "Height" int4,
    "ColorBack" int4,
    "ProvNum" int8,
    "ColorFore" int4,
    "ColorTextBack" int4,
    "FlipOnAcquire" bool,
    "AdjModeAfterSeries" bool,
    CONSTRAINT "mount_pkey" PRIMARY KEY ("MountNum")
);

CREATE TABLE IF NOT EXISTS raw."mountdef" (
    "MountDefNum" int8 NOT NULL,
    "Description" varchar(255),
    "ItemOrder" int4,
    "Width" int4,
    "Height" int4,
    "ColorBack" int4,
    "ColorFore" int4,
    "ColorTextBack" int4,
    "ScaleValue" varchar(255),
    "DefaultCat" int8,
    "FlipOnAcquire" bool,
    "AdjModeAfterSeries" bool,
    CONSTRAINT "mountdef_pkey" PRIMARY KEY ("MountDefNum")
);

CREATE TABLE IF NOT EXISTS raw."mountitem" (
    "MountItemNum" int8 NOT NULL,
    "MountNum" int8,
    "Xpos" int4,
    "Ypos" int4,
    "ItemOrder" int4,
    "Width" int4,
    "Height" int4,
    "RotateOnAcquire" int4,
    "ToothNumbers" varchar(255),
    "TextShowing" text,
    "FontSize" float4,
    CONSTRAINT "mountitem_pkey" PRIMARY KEY ("MountItemNum")
);

CREATE TABLE IF NOT EXISTS raw."mountitemdef" (
    "MountItemDefNum" int8 NOT NULL,
    "MountDefNum" int8,
    "Xpos" int4,
    "Ypos" int4,
    "Width" int4,
    "Height" int4,
    "ItemOrder" int4,
    "RotateOnAcquire" int4,
    "ToothNumbers" varchar(255),
    "TextShowing" text,
    "FontSize" float4,
    CONSTRAINT "mountitemdef_pkey" PRIMARY KEY ("MountItemDefNum")
);

CREATE TABLE IF NOT EXISTS raw."msgtopaysent" (
    "MsgToPaySentNum" int8 NOT NULL,
    "PatNum" int8,
    "ClinicNum" int8,
    "SendStatus" bool,
    "Source" bool,
    "MessageType" bool,
    "MessageFk" int8,
    "Subject" text,
    "Message" text,
    "EmailType" bool,
    "DateTimeEntry" timestamp,
    "DateTimeSent" timestamp,
    "ResponseDescript" text,
    "ApptReminderRuleNum" int8,
    "ShortGUID" varchar(255),
    "DateTimeSendFailed" timestamp,
    "ApptNum" int8,
    "ApptDateTime" timestamp,
    "TSPrior" int8,
    "StatementNum" int8,
    CONSTRAINT "msgtopaysent_pkey" PRIMARY KEY ("MsgToPaySentNum")
);

CREATE TABLE IF NOT EXISTS raw."oidexternal" (
    "OIDExternalNum" int8 NOT NULL,
    "IDType" varchar(255),
    "IDInternal" int8,
    "IDExternal" varchar(255),
    "rootExternal" varchar(255),
    CONSTRAINT "oidexternal_pkey" PRIMARY KEY ("OIDExternalNum")
);

CREATE TABLE IF NOT EXISTS raw."oidinternal" (
    "OIDInternalNum" int8 NOT NULL,
    "IDType" varchar(255),
    "IDRoot" varchar(255),
    CONSTRAINT "oidinternal_pkey" PRIMARY KEY ("OIDInternalNum")
);

CREATE TABLE IF NOT EXISTS raw."operatory" (
    "OperatoryNum" int8 NOT NULL,
    "OpName" varchar(255),
    "Abbrev" varchar(255),
    "ItemOrder" int2,
    "IsHidden" bool,
    "ProvDentist" int8,
    "ProvHygienist" int8,
    "IsHygiene" bool,
    "ClinicNum" int8,
    "DateTStamp" timestamp,
    "SetProspective" bool,
    "IsWebSched" bool,
    "IsNewPatAppt" bool,
    "OperatoryType" int8,
    CONSTRAINT "operatory_pkey" PRIMARY KEY ("OperatoryNum")
);

CREATE TABLE IF NOT EXISTS raw."orionproc" (
    "OrionProcNum" int8 NOT NULL,
    "ProcNum" int8,
    "DPC" bool,
    "DateScheduleBy" date,
    "DateStopClock" date,
    "Status2" int4,
    "IsOnCall" bool,
    "IsEffectiveComm" bool,
    "IsRepair" bool,
    "DPCpost" bool,
    CONSTRAINT "orionproc_pkey" PRIMARY KEY ("OrionProcNum")
);

CREATE TABLE IF NOT EXISTS raw."orthocase" (
    "OrthoCaseNum" int8 NOT NULL,
    "PatNum" int8,
    "ProvNum" int8,
    "ClinicNum" int8,
    "Fee" float8,
    "FeeInsPrimary" float8,
    "FeePat" float8,
    "BandingDate" date,
    "DebondDate" date,
    "DebondDateExpected" date,
    "IsTransfer" bool,
    "OrthoType" int8,
    "SecDateTEntry" timestamp,
    "SecUserNumEntry" int8,
    "SecDateTEdit" timestamp,
    "IsActive" bool,
    "FeeInsSecondary" float8,
    CONSTRAINT "orthocase_pkey" PRIMARY KEY ("OrthoCaseNum")
);

CREATE TABLE IF NOT EXISTS raw."orthochart" (
    "OrthoChartNum" int8 NOT NULL,
    "PatNum" int8,
    "DateService" date,
    "FieldName" varchar(255),
    "FieldValue" text,
    "UserNum" int8,
    "ProvNum" int8,
    "OrthoChartRowNum" int8,
    CONSTRAINT "orthochart_pkey" PRIMARY KEY ("OrthoChartNum")
);

CREATE TABLE IF NOT EXISTS raw."orthochartlog" (
    "OrthoChartLogNum" int8 NOT NULL,
    "PatNum" int8,
    "ComputerName" varchar(255),
    "DateTimeLog" timestamp,
    "DateTimeService" timestamp,
    "UserNum" int8,
    "ProvNum" int8,
    "OrthoChartRowNum" int8,
    "LogData" text,
    CONSTRAINT "orthochartlog_pkey" PRIMARY KEY ("OrthoChartLogNum")
);

CREATE TABLE IF NOT EXISTS raw."orthochartrow" (
    "OrthoChartRowNum" int8 NOT NULL,
    "PatNum" int8,
    "DateTimeService" timestamp,
    "UserNum" int8,
    "ProvNum" int8,
    "Signature" text,
    CONSTRAINT "orthochartrow_pkey" PRIMARY KEY ("OrthoChartRowNum")
);

CREATE TABLE IF NOT EXISTS raw."orthocharttab" (
    "OrthoChartTabNum" int8 NOT NULL,
    "TabName" varchar(255),
    "ItemOrder" int4,
    "IsHidden" bool,
    CONSTRAINT "orthocharttab_pkey" PRIMARY KEY ("OrthoChartTabNum")
);

CREATE TABLE IF NOT EXISTS raw."orthocharttablink" (
    "OrthoChartTabLinkNum" int8 NOT NULL,
    "ItemOrder" int4,
    "OrthoChartTabNum" int8,
    "DisplayFieldNum" int8,
    "ColumnWidthOverride" int4,
    CONSTRAINT "orthocharttablink_pkey" PRIMARY KEY ("OrthoChartTabLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."orthohardware" (
    "OrthoHardwareNum" int8 NOT NULL,
    "PatNum" int8,
    "DateExam" date,
    "OrthoHardwareType" bool,
    "OrthoHardwareSpecNum" int8,
    "ToothRange" varchar(255),
    "Note" varchar(255),
    "IsHidden" bool,
    CONSTRAINT "orthohardware_pkey" PRIMARY KEY ("OrthoHardwareNum")
);

CREATE TABLE IF NOT EXISTS raw."orthohardwarespec" (
    "OrthoHardwareSpecNum" int8 NOT NULL,
    "OrthoHardwareType" int2,
    "Description" varchar(255),
    "ItemColor" int4,
    "IsHidden" bool,
    "ItemOrder" int4,
    CONSTRAINT "orthohardwarespec_pkey" PRIMARY KEY ("OrthoHardwareSpecNum")
);

CREATE TABLE IF NOT EXISTS raw."orthoplanlink" (
    "OrthoPlanLinkNum" int8 NOT NULL,
    "OrthoCaseNum" int8,
    "LinkType" bool,
    "FKey" int8,
    "IsActive" bool,
    "SecDateTEntry" timestamp,
    "SecUserNumEntry" int8,
    CONSTRAINT "orthoplanlink_pkey" PRIMARY KEY ("OrthoPlanLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."orthoproclink" (
    "OrthoProcLinkNum" int8 NOT NULL,
    "OrthoCaseNum" int8,
    "ProcNum" int8,
    "SecDateTEntry" timestamp,
    "SecUserNumEntry" int8,
    "ProcLinkType" bool,
    CONSTRAINT "orthoproclink_pkey" PRIMARY KEY ("OrthoProcLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."orthorx" (
    "OrthoRxNum" int8 NOT NULL,
    "OrthoHardwareSpecNum" int8,
    "Description" varchar(255),
    "ToothRange" varchar(255),
    "ItemOrder" int4,
    CONSTRAINT "orthorx_pkey" PRIMARY KEY ("OrthoRxNum")
);

CREATE TABLE IF NOT EXISTS raw."orthoschedule" (
    "OrthoScheduleNum" int8 NOT NULL,
    "BandingDateOverride" date,
    "DebondDateOverride" date,
    "BandingAmount" float8,
    "VisitAmount" float8,
    "DebondAmount" float8,
    "IsActive" bool,
    "SecDateTEdit" timestamp,
    CONSTRAINT "orthoschedule_pkey" PRIMARY KEY ("OrthoScheduleNum")
);

CREATE TABLE IF NOT EXISTS raw."patfield" (
    "PatFieldNum" int8 NOT NULL,
    "PatNum" int8,
    "FieldName" varchar(255),
    "FieldValue" text,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    CONSTRAINT "patfield_pkey" PRIMARY KEY ("PatFieldNum")
);

CREATE TABLE IF NOT EXISTS raw."patfielddef" (
    "PatFieldDefNum" int8 NOT NULL,
    "FieldName" varchar(255),
    "FieldType" int2,
    "PickList" text,
    "ItemOrder" int4,
    "IsHidden" bool,
    CONSTRAINT "patfielddef_pkey" PRIMARY KEY ("PatFieldDefNum")
);

CREATE TABLE IF NOT EXISTS raw."patfieldpickitem" (
    "PatFieldPickItemNum" int8 NOT NULL,
    "PatFieldDefNum" int8,
    "Name" varchar(255),
    "Abbreviation" varchar(255),
    "IsHidden" bool,
    "ItemOrder" int4,
    CONSTRAINT "patfieldpickitem_pkey" PRIMARY KEY ("PatFieldPickItemNum")
);

CREATE TABLE IF NOT EXISTS raw."patient" (
    "PatNum" int8 NOT NULL,
    "LName" varchar(100),
    "FName" varchar(100),
    "MiddleI" varchar(100),
    "Preferred" varchar(100),
    "PatStatus" int2,
    "Gender" int2,
    "Position" int2,
    "Birthdate" date,
    "SSN" varchar(100),
    "Address" varchar(100),
    "Address2" varchar(100),
    "City" varchar(100),
    "State" varchar(100),
    "Zip" varchar(100),
    "HmPhone" varchar(30),
    "WkPhone" varchar(30),
    "WirelessPhone" varchar(30),
    "Guarantor" int8,
    "CreditType" bpchar(1),
    "Email" varchar(100),
    "Salutation" varchar(100),
    "EstBalance" float8,
    "PriProv" int8,
    "SecProv" int8,
    "FeeSched" int8,
    "BillingType" int8,
    "ImageFolder" varchar(100),
    "AddrNote" text,
    "FamFinUrgNote" text,
    "MedUrgNote" varchar(255),
    "ApptModNote" varchar(255),
    "StudentStatus" bpchar(1),
    "SchoolName" varchar(255),
    "ChartNumber" varchar(100),
    "MedicaidID" varchar(20),
    "Bal_0_30" float8,
    "Bal_31_60" float8,
    "Bal_61_90" float8,
    "BalOver90" float8,
    "InsEst" float8,
    "BalTotal" float8,
    "EmployerNum" int8,
    "EmploymentNote" varchar(255),
    "County" varchar(255),
    "GradeLevel" bool,
    "Urgency" bool,
    "DateFirstVisit" date,
    "ClinicNum" int8,
    "HasIns" varchar(255),
    "TrophyFolder" varchar(255),
    "PlannedIsDone" bool,
    "Premed" bool,
    "Ward" varchar(255),
    "PreferConfirmMethod" int2,
    "PreferContactMethod" int2,
    "PreferRecallMethod" int2,
    "SchedBeforeTime" time,
    "SchedAfterTime" time,
    "SchedDayOfWeek" bool,
    "Language" varchar(100),
    "AdmitDate" date,
    "Title" varchar(15),
    "PayPlanDue" float8,
    "SiteNum" int8,
    "DateTStamp" timestamp,
    "ResponsParty" int8,
    "CanadianEligibilityCode" bool,
    "AskToArriveEarly" int4,
    "PreferContactConfidential" bool,
    "SuperFamily" int8,
    "TxtMsgOk" int2,
    "SmokingSnoMed" varchar(32),
    "Country" varchar(255),
    "DateTimeDeceased" timestamp,
    "BillingCycleDay" int4,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "HasSuperBilling" bool,
    "PatNumCloneFrom" int8,
    "DiscountPlanNum" int8,
    "HasSignedTil" bool,
    "ShortCodeOptIn" int2,
    "SecurityHash" varchar(255),
    CONSTRAINT "patient_pkey" PRIMARY KEY ("PatNum")
);

CREATE TABLE IF NOT EXISTS raw."patientlink" (
    "PatientLinkNum" int8 NOT NULL,
    "PatNumFrom" int8,
    "PatNumTo" int8,
    "LinkType" bool,
    "DateTimeLink" timestamp,
    CONSTRAINT "patientlink_pkey" PRIMARY KEY ("PatientLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."patientnote" (
    "PatNum" int8 NOT NULL,
    "FamFinancial" text,
    "ApptPhone" text,
    "Medical" text,
    "Service" text,
    "MedicalComp" text,
    "Treatment" text,
    "ICEName" varchar(255),
    "ICEPhone" varchar(30),
    "OrthoMonthsTreatOverride" int4,
    "DateOrthoPlacementOverride" date,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    "Consent" bool,
    "UserNumOrthoLocked" int8,
    "Pronoun" int2,
    CONSTRAINT "patientnote_pkey" PRIMARY KEY ("PatNum")
);

CREATE TABLE IF NOT EXISTS raw."patientportalinvite" (
    "PatientPortalInviteNum" int8 NOT NULL,
    "PatNum" int8,
    "ApptNum" int8,
    "ClinicNum" int8,
    "DateTimeEntry" timestamp,
    "TSPrior" int8,
    "SendStatus" bool,
    "MessageFk" int8,
    "ResponseDescript" text,
    "MessageType" bool,
    "DateTimeSent" timestamp,
    "ApptReminderRuleNum" int8,
    "ApptDateTime" timestamp,
    CONSTRAINT "patientportalinvite_pkey" PRIMARY KEY ("PatientPortalInviteNum")
);

CREATE TABLE IF NOT EXISTS raw."patientrace" (
    "PatientRaceNum" int8 NOT NULL,
    "PatNum" int8,
    "Race" bool,
    "CdcrecCode" varchar(255),
    CONSTRAINT "patientrace_pkey" PRIMARY KEY ("PatientRaceNum")
);

CREATE TABLE IF NOT EXISTS raw."patplan" (
    "PatPlanNum" int8 NOT NULL,
    "PatNum" int8,
    "Ordinal" int2,
    "IsPending" bool,
    "Relationship" int2,
    "PatID" varchar(100),
    "InsSubNum" int8,
    "OrthoAutoFeeBilledOverride" float8,
    "OrthoAutoNextClaimDate" date,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    CONSTRAINT "patplan_pkey" PRIMARY KEY ("PatPlanNum")
);

CREATE TABLE IF NOT EXISTS raw."patrestriction" (
    "PatRestrictionNum" int8 NOT NULL,
    "PatNum" int8,
    "PatRestrictType" bool,
    CONSTRAINT "patrestriction_pkey" PRIMARY KEY ("PatRestrictionNum")
);

CREATE TABLE IF NOT EXISTS raw."payconnectresponseweb" (
    "PayConnectResponseWebNum" int8 NOT NULL,
    "PatNum" int8,
    "PayNum" int8,
    "AccountToken" varchar(255),
    "PaymentToken" varchar(255),
    "ProcessingStatus" varchar(255),
    "DateTimeEntry" timestamp,
    "DateTimePending" timestamp,
    "DateTimeCompleted" timestamp,
    "DateTimeExpired" timestamp,
    "DateTimeLastError" timestamp,
    "LastResponseStr" text,
    "CCSource" bool,
    "Amount" float8,
    "PayNote" varchar(255),
    "IsTokenSaved" bool,
    "PayToken" varchar(255),
    "ExpDateToken" varchar(255),
    "RefNumber" varchar(255),
    "TransType" varchar(255),
    "EmailResponse" varchar(255),
    "LogGuid" varchar(36),
    CONSTRAINT "payconnectresponseweb_pkey" PRIMARY KEY ("PayConnectResponseWebNum")
);

CREATE TABLE IF NOT EXISTS raw."payment" (
    "PayNum" int8 NOT NULL,
    "PayType" int8,
    "PayDate" date,
    "PayAmt" float8,
    "CheckNum" varchar(25),
    "BankBranch" varchar(25),
    "PayNote" text,
    "IsSplit" bool,
    "PatNum" int8,
    "ClinicNum" int8,
    "DateEntry" date,
    "DepositNum" int8,
    "Receipt" text,
    "IsRecurringCC" bool,
    "SecUserNumEntry" int8,
    "SecDateTEdit" timestamp,
    "PaymentSource" bool,
    "ProcessStatus" bool,
    "RecurringChargeDate" date,
    "ExternalId" varchar(255),
    "PaymentStatus" bool,
    "IsCcCompleted" bool,
    "MerchantFee" float8,
    CONSTRAINT "payment_pkey" PRIMARY KEY ("PayNum")
);

CREATE TABLE IF NOT EXISTS raw."payperiod" (
    "PayPeriodNum" int8 NOT NULL,
    "DateStart" date,
    "DateStop" date,
    "DatePaycheck" date,
    CONSTRAINT "payperiod_pkey" PRIMARY KEY ("PayPeriodNum")
);

CREATE TABLE IF NOT EXISTS raw."payplan" (
    "PayPlanNum" int8 NOT NULL,
    "PatNum" int8,
    "Guarantor" int8,
    "PayPlanDate" date,
    "APR" float8,
    "Note" text,
    "PlanNum" int8,
    "CompletedAmt" float8,
    "InsSubNum" int8,
    "PaySchedule" bool,
    "NumberOfPayments" int4,
    "PayAmt" float8,
    "DownPayment" float8,
    "IsClosed" bool,
    "Signature" text,
    "SigIsTopaz" bool,
    "PlanCategory" int8,
    "IsDynamic" bool,
    "ChargeFrequency" bool,
    "DatePayPlanStart" date,
    "IsLocked" bool,
    "DateInterestStart" date,
    "DynamicPayPlanTPOption" bool,
    "MobileAppDeviceNum" int8,
    "SecurityHash" varchar(255),
    CONSTRAINT "payplan_pkey" PRIMARY KEY ("PayPlanNum")
);

CREATE TABLE IF NOT EXISTS raw."payplancharge" (
    "PayPlanChargeNum" int8 NOT NULL,
    "PayPlanNum" int8,
    "Guarantor" int8,
    "PatNum" int8,
    "ChargeDate" date,
    "Principal" float8,
    "Interest" float8,
    "Note" text,
    "ProvNum" int8,
    "ClinicNum" int8,
    "ChargeType" bool,
    "ProcNum" int8,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    "StatementNum" int8,
    "FKey" int8,
    "LinkType" bool,
    "IsOffset" bool,
    CONSTRAINT "payplancharge_pkey" PRIMARY KEY ("PayPlanChargeNum")
);

CREATE TABLE IF NOT EXISTS raw."payplanlink" (
    "PayPlanLinkNum" int8 NOT NULL,
    "PayPlanNum" int8,
    "LinkType" bool,
    "FKey" int8,
    "AmountOverride" float8,
    "SecDateTEntry" timestamp,
    CONSTRAINT "payplanlink_pkey" PRIMARY KEY ("PayPlanLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."payplantemplate" (
    "PayPlanTemplateNum" int8 NOT NULL,
    "PayPlanTemplateName" varchar(255),
    "ClinicNum" int8,
    "APR" float8,
    "InterestDelay" int4,
    "PayAmt" float8,
    "NumberOfPayments" int4,
    "ChargeFrequency" bool,
    "DownPayment" float8,
    "DynamicPayPlanTPOption" bool,
    "Note" varchar(255),
    "IsHidden" bool,
    CONSTRAINT "payplantemplate_pkey" PRIMARY KEY ("PayPlanTemplateNum")
);

CREATE TABLE IF NOT EXISTS raw."paysplit" (
    "SplitNum" int8 NOT NULL,
    "SplitAmt" float8,
    "PatNum" int8,
    "ProcDate" date,
    "PayNum" int8,
    "IsDiscount" bool,
    "DiscountType" bool,
    "ProvNum" int8,
    "PayPlanNum" int8,
    "DatePay" date,
    "ProcNum" int8,
    "DateEntry" date,
    "UnearnedType" int8,
    "ClinicNum" int8,
    "SecUserNumEntry" int8,
    "SecDateTEdit" timestamp,
    "FSplitNum" int8,
    "AdjNum" int8,
    "PayPlanChargeNum" int8,
    "PayPlanDebitType" bool,
    "SecurityHash" varchar(255),
    CONSTRAINT "paysplit_pkey" PRIMARY KEY ("SplitNum")
);

CREATE TABLE IF NOT EXISTS raw."payterminal" (
    "PayTerminalNum" int8 NOT NULL,
    "Name" varchar(255),
    "ClinicNum" int8,
    "TerminalID" varchar(255),
    CONSTRAINT "payterminal_pkey" PRIMARY KEY ("PayTerminalNum")
);

CREATE TABLE IF NOT EXISTS raw."pearlrequest" (
    "PearlRequestNum" int8 NOT NULL,
    "RequestId" varchar(255),
    "DocNum" int8,
    "RequestStatus" bool,
    "DateTSent" date,
    "DateTChecked" date,
    CONSTRAINT "pearlrequest_pkey" PRIMARY KEY ("PearlRequestNum")
);

CREATE TABLE IF NOT EXISTS raw."perioexam" (
    "PerioExamNum" int8 NOT NULL,
    "PatNum" int8,
    "ExamDate" date,
    "ProvNum" int8,
    "DateTMeasureEdit" timestamp,
    "Note" text,
    CONSTRAINT "perioexam_pkey" PRIMARY KEY ("PerioExamNum")
);

CREATE TABLE IF NOT EXISTS raw."periomeasure" (
    "PerioMeasureNum" int8 NOT NULL,
    "PerioExamNum" int8,
    "SequenceType" int2,
    "IntTooth" int2,
    "ToothValue" int2,
    "MBvalue" int2,
    "Bvalue" int2,
    "DBvalue" int2,
    "MLvalue" int2,
    "Lvalue" int2,
    "DLvalue" int2,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    CONSTRAINT "periomeasure_pkey" PRIMARY KEY ("PerioMeasureNum")
);

CREATE TABLE IF NOT EXISTS raw."pharmacy" (
    "PharmacyNum" int8 NOT NULL,
    "PharmID" varchar(255),
    "StoreName" varchar(255),
    "Phone" varchar(255),
    "Fax" varchar(255),
    "Address" varchar(255),
    "Address2" varchar(255),
    "City" varchar(255),
    "State" varchar(255),
    "Zip" varchar(255),
    "Note" text,
    "DateTStamp" timestamp,
    CONSTRAINT "pharmacy_pkey" PRIMARY KEY ("PharmacyNum")
);

CREATE TABLE IF NOT EXISTS raw."pharmclinic" (
    "PharmClinicNum" int8 NOT NULL,
    "PharmacyNum" int8,
    "ClinicNum" int8,
    CONSTRAINT "pharmclinic_pkey" PRIMARY KEY ("PharmClinicNum")
);

CREATE TABLE IF NOT EXISTS raw."phonenumber" (
    "PhoneNumberNum" int8 NOT NULL,
    "PatNum" int8,
    "PhoneNumberVal" varchar(255),
    "PhoneNumberDigits" varchar(30),
    "PhoneType" bool,
    CONSTRAINT "phonenumber_pkey" PRIMARY KEY ("PhoneNumberNum")
);

CREATE TABLE IF NOT EXISTS raw."popup" (
    "PopupNum" int8 NOT NULL,
    "PatNum" int8,
    "Description" text,
    "IsDisabled" bool,
    "PopupLevel" bool,
    "UserNum" int8,
    "DateTimeEntry" timestamp,
    "IsArchived" bool,
    "PopupNumArchive" int8,
    "DateTimeDisabled" timestamp,
    CONSTRAINT "popup_pkey" PRIMARY KEY ("PopupNum")
);

CREATE TABLE IF NOT EXISTS raw."preference" (
    "PrefName" varchar(255),
    "ValueString" text,
    "PrefNum" int8 NOT NULL,
    "Comments" text,
    CONSTRAINT "preference_pkey" PRIMARY KEY ("PrefNum")
);

CREATE TABLE IF NOT EXISTS raw."printer" (
    "PrinterNum" int8 NOT NULL,
    "ComputerNum" int8,
    "PrintSit" int2,
    "PrinterName" varchar(255),
    "DisplayPrompt" bool,
    "FileExtension" varchar(255),
    "IsVirtualPrinter" bool,
    CONSTRAINT "printer_pkey" PRIMARY KEY ("PrinterNum")
);

CREATE TABLE IF NOT EXISTS raw."procapptcolor" (
    "ProcApptColorNum" int8 NOT NULL,
    "CodeRange" varchar(255),
    "ColorText" int4,
    "ShowPreviousDate" bool,
    CONSTRAINT "procapptcolor_pkey" PRIMARY KEY ("ProcApptColorNum")
);

CREATE TABLE IF NOT EXISTS raw."procbutton" (
    "ProcButtonNum" int8 NOT NULL,
    "Description" varchar(255),
    "ItemOrder" int2,
    "Category" int8,
    "ButtonImage" text,
    "IsMultiVisit" bool,
    CONSTRAINT "procbutton_pkey" PRIMARY KEY ("ProcButtonNum")
);

CREATE TABLE IF NOT EXISTS raw."procbuttonitem" (
    "ProcButtonItemNum" int8 NOT NULL,
    "ProcButtonNum" int8,
    "OldCode" varchar(15),
    "AutoCodeNum" int8,
    "CodeNum" int8,
    "ItemOrder" int8,
    CONSTRAINT "procbuttonitem_pkey" PRIMARY KEY ("ProcButtonItemNum")
);

CREATE TABLE IF NOT EXISTS raw."procbuttonquick" (
    "ProcButtonQuickNum" int8 NOT NULL,
    "Description" varchar(255),
    "CodeValue" varchar(255),
    "Surf" varchar(255),
    "YPos" int4,
    "ItemOrder" int4,
    "IsLabel" bool,
    CONSTRAINT "procbuttonquick_pkey" PRIMARY KEY ("ProcButtonQuickNum")
);

CREATE TABLE IF NOT EXISTS raw."proccodenote" (
    "ProcCodeNoteNum" int8 NOT NULL,
    "CodeNum" int8,
    "ProvNum" int8,
    "Note" text,
    "ProcTime" varchar(255),
    "ProcStatus" bool,
    CONSTRAINT "proccodenote_pkey" PRIMARY KEY ("ProcCodeNoteNum")
);

CREATE TABLE IF NOT EXISTS raw."procedurecode" (
    "CodeNum" int8 NOT NULL,
    "ProcCode" varchar(15),
    "Descript" varchar(255),
    "AbbrDesc" varchar(50),
    "ProcTime" varchar(24),
    "ProcCat" int8,
    "TreatArea" int2,
    "NoBillIns" bool,
    "IsProsth" bool,
    "DefaultNote" text,
    "IsHygiene" bool,
    "GTypeNum" int2,
    "AlternateCode1" varchar(15),
    "MedicalCode" varchar(15),
    "IsTaxed" bool,
    "PaintType" int2,
    "GraphicColor" int4,
    "LaymanTerm" varchar(255),
    "IsCanadianLab" bool,
    "PreExisting" bool,
    "BaseUnits" int4,
    "SubstitutionCode" varchar(25),
    "SubstOnlyIf" int4,
    "DateTStamp" timestamp,
    "IsMultiVisit" bool,
    "DrugNDC" varchar(255),
    "RevenueCodeDefault" varchar(255),
    "ProvNumDefault" int8,
    "CanadaTimeUnits" float8,
    "IsRadiology" bool,
    "DefaultClaimNote" text,
    "DefaultTPNote" text,
    "BypassGlobalLock" bool,
    "TaxCode" varchar(16),
    "PaintText" varchar(255),
    "AreaAlsoToothRange" bool,
    "DiagnosticCodes" varchar(255),
    CONSTRAINT "procedurecode_pkey" PRIMARY KEY ("CodeNum")
);

CREATE TABLE IF NOT EXISTS raw."procedurelog" (
    "ProcNum" int8 NOT NULL,
    "PatNum" int8,
    "AptNum" int8,
    "OldCode" varchar(15),
    "ProcDate" date,
    "ProcFee" float8,
    "Surf" varchar(10),
    "ToothNum" varchar(2),
    "ToothRange" varchar(100),
    "Priority" int8,
    "ProcStatus" int2,
    "ProvNum" int8,
    "Dx" int8,
    "PlannedAptNum" int8,
    "PlaceService" int2,
    "Prosthesis" bpchar(1),
    "DateOriginalProsth" date,
    "ClaimNote" varchar(80),
    "DateEntryC" date,
    "ClinicNum" int8,
    "MedicalCode" varchar(15),
    "DiagnosticCode" varchar(255),
    "IsPrincDiag" bool,
    "ProcNumLab" int8,
    "BillingTypeOne" int8,
    "BillingTypeTwo" int8,
    "CodeNum" int8,
    "CodeMod1" bpchar(2),
    "CodeMod2" bpchar(2),
    "CodeMod3" bpchar(2),
    "CodeMod4" bpchar(2),
    "RevCode" varchar(45),
    "UnitQty" int4,
    "BaseUnits" int4,
    "StartTime" int4,
    "StopTime" int4,
    "DateTP" date,
    "SiteNum" int8,
    "HideGraphics" bool,
    "CanadianTypeCodes" varchar(20),
    "ProcTime" time,
    "ProcTimeEnd" time,
    "DateTStamp" timestamp,
    "Prognosis" int8,
    "DrugUnit" bool,
    "DrugQty" float4,
    "UnitQtyType" bool,
    "StatementNum" int8,
    "IsLocked" bool,
    "BillingNote" varchar(255),
    "RepeatChargeNum" int8,
    "SnomedBodySite" varchar(255),
    "DiagnosticCode2" varchar(255),
    "DiagnosticCode3" varchar(255),
    "DiagnosticCode4" varchar(255),
    "ProvOrderOverride" int8,
    "Discount" float8,
    "IsDateProsthEst" bool,
    "IcdVersion" int2,
    "IsCpoe" bool,
    "SecUserNumEntry" int8,
    "SecDateEntry" timestamp,
    "DateComplete" date,
    "OrderingReferralNum" int8,
    "TaxAmt" float8,
    "Urgency" bool,
    "DiscountPlanAmt" float8,
    CONSTRAINT "procedurelog_pkey" PRIMARY KEY ("ProcNum")
);

CREATE TABLE IF NOT EXISTS raw."procgroupitem" (
    "ProcGroupItemNum" int8 NOT NULL,
    "ProcNum" int8,
    "GroupNum" int8,
    CONSTRAINT "procgroupitem_pkey" PRIMARY KEY ("ProcGroupItemNum")
);

CREATE TABLE IF NOT EXISTS raw."procmultivisit" (
    "ProcMultiVisitNum" int8 NOT NULL,
    "GroupProcMultiVisitNum" int8,
    "ProcNum" int8,
    "ProcStatus" int2,
    "IsInProcess" bool,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    "PatNum" int8,
    CONSTRAINT "procmultivisit_pkey" PRIMARY KEY ("ProcMultiVisitNum")
);

CREATE TABLE IF NOT EXISTS raw."procnote" (
    "ProcNoteNum" int8 NOT NULL,
    "PatNum" int8,
    "ProcNum" int8,
    "EntryDateTime" timestamp,
    "UserNum" int8,
    "Note" text,
    "SigIsTopaz" bool,
    "Signature" text,
    CONSTRAINT "procnote_pkey" PRIMARY KEY ("ProcNoteNum")
);

CREATE TABLE IF NOT EXISTS raw."proctp" (
    "ProcTPNum" int8 NOT NULL,
    "TreatPlanNum" int8,
    "PatNum" int8,
    "ProcNumOrig" int8,
    "ItemOrder" int2,
    "Priority" int8,
    "ToothNumTP" varchar(255),
    "Surf" varchar(255),
    "ProcCode" varchar(15),
    "Descript" varchar(255),
    "FeeAmt" float8,
    "PriInsAmt" float8,
    "SecInsAmt" float8,
    "PatAmt" float8,
    "Discount" float8,
    "Prognosis" varchar(255),
    "Dx" varchar(255),
    "ProcAbbr" varchar(50),
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "FeeAllowed" float8,
    "TaxAmt" float8,
    "ProvNum" int8,
    "DateTP" date,
    "ClinicNum" int8,
    "CatPercUCR" float8,
    CONSTRAINT "proctp_pkey" PRIMARY KEY ("ProcTPNum")
);

CREATE TABLE IF NOT EXISTS raw."program" (
    "ProgramNum" int8 NOT NULL,
    "ProgName" varchar(100),
    "ProgDesc" varchar(100),
    "Enabled" bool,
    "Path" text,
    "CommandLine" text,
    "Note" text,
    "PluginDllName" varchar(255),
    "ButtonImage" text,
    "FileTemplate" text,
    "FilePath" varchar(255),
    "IsDisabledByHq" bool,
    "CustErr" varchar(255),
    CONSTRAINT "program_pkey" PRIMARY KEY ("ProgramNum")
);

CREATE TABLE IF NOT EXISTS raw."programproperty" (
    "ProgramPropertyNum" int8 NOT NULL,
    "ProgramNum" int8,
    "PropertyDesc" varchar(255),
    "PropertyValue" text,
    "ComputerName" varchar(255),
    "ClinicNum" int8,
    "IsMasked" bool,
    "IsHighSecurity" bool,
    CONSTRAINT "programproperty_pkey" PRIMARY KEY ("ProgramPropertyNum")
);

CREATE TABLE IF NOT EXISTS raw."promotion" (
    "PromotionNum" int8 NOT NULL,
    "PromotionName" varchar(255),
    "DateTimeCreated" date,
    "ClinicNum" int8,
    "TypePromotion" bool,
    CONSTRAINT "promotion_pkey" PRIMARY KEY ("PromotionNum")
);

CREATE TABLE IF NOT EXISTS raw."promotionlog" (
    "PromotionLogNum" int8 NOT NULL,
    "PromotionNum" int8,
    "PatNum" int8,
    "MessageFk" int8,
    "EmailHostingFK" int8,
    "DateTimeSent" timestamp,
    "PromotionStatus" bool,
    "ClinicNum" int8,
    "SendStatus" bool,
    "MessageType" bool,
    "DateTimeEntry" timestamp,
    "ResponseDescript" text,
    "ApptReminderRuleNum" int8,
    CONSTRAINT "promotionlog_pkey" PRIMARY KEY ("PromotionLogNum")
);

CREATE TABLE IF NOT EXISTS raw."provider" (
    "ProvNum" int8 NOT NULL,
    "Abbr" varchar(255),
    "ItemOrder" int2,
    "LName" varchar(100),
    "FName" varchar(100),
    "MI" varchar(100),
    "Suffix" varchar(100),
    "FeeSched" int8,
    "Specialty" int8,
    "SSN" varchar(12),
    "StateLicense" varchar(15),
    "DEANum" varchar(15),
    "IsSecondary" bool,
    "ProvColor" int4,
    "IsHidden" bool,
    "UsingTIN" bool,
    "BlueCrossID" varchar(25),
    "SigOnFile" bool,
    "MedicaidID" varchar(20),
    "OutlineColor" int4,
    "SchoolClassNum" int8,
    "NationalProvID" varchar(255),
    "CanadianOfficeNum" varchar(100),
    "DateTStamp" timestamp,
    "AnesthProvType" int2,
    "TaxonomyCodeOverride" varchar(255),
    "IsCDAnet" bool,
    "EcwID" varchar(255),
    "StateRxID" varchar(255),
    "IsNotPerson" bool,
    "StateWhereLicensed" varchar(50),
    "EmailAddressNum" int8,
    "IsInstructor" bool,
    "EhrMuStage" int2,
    "ProvNumBillingOverride" int8,
    "CustomID" varchar(255),
    "ProvStatus" int2,
    "IsHiddenReport" bool,
    "IsErxEnabled" bool,
    "Birthdate" date,
    "SchedNote" varchar(255),
    "WebSchedDescript" varchar(500),
    "WebSchedImageLocation" varchar(255),
    "HourlyProdGoalAmt" float8,
    "DateTerm" date,
    "PreferredName" varchar(100),
    CONSTRAINT "provider_pkey" PRIMARY KEY ("ProvNum")
);

CREATE TABLE IF NOT EXISTS raw."providerclinic" (
    "ProviderClinicNum" int8 NOT NULL,
    "ProvNum" int8,
    "ClinicNum" int8,
    "DEANum" varchar(15),
    "StateLicense" varchar(50),
    "StateRxID" varchar(255),
    "StateWhereLicensed" varchar(15),
    "CareCreditMerchantId" varchar(20),
    CONSTRAINT "providerclinic_pkey" PRIMARY KEY ("ProviderClinicNum")
);

CREATE TABLE IF NOT EXISTS raw."providercliniclink" (
    "ProviderClinicLinkNum" int8 NOT NULL,
    "ProvNum" int8,
    "ClinicNum" int8,
    CONSTRAINT "providercliniclink_pkey" PRIMARY KEY ("ProviderClinicLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."providererx" (
    "ProviderErxNum" int8 NOT NULL,
    "PatNum" int8,
    "NationalProviderID" varchar(255),
    "IsEnabled" bool,
    "IsIdentifyProofed" bool,
    "IsSentToHq" bool,
    "IsEpcs" bool,
    "ErxType" bool,
    "UserId" varchar(255),
    "AccountId" varchar(25),
    "RegistrationKeyNum" int8,
    CONSTRAINT "providererx_pkey" PRIMARY KEY ("ProviderErxNum")
);

CREATE TABLE IF NOT EXISTS raw."providerident" (
    "ProviderIdentNum" int8 NOT NULL,
    "ProvNum" int8,
    "PayorID" varchar(255),
    "SuppIDType" bool,
    "IDNumber" varchar(255),
    CONSTRAINT "providerident_pkey" PRIMARY KEY ("ProviderIdentNum")
);

CREATE TABLE IF NOT EXISTS raw."question" (
    "QuestionNum" int8 NOT NULL,
    "PatNum" int8,
    "ItemOrder" int2,
    "Description" text,
    "Answer" text,
    "FormPatNum" int8,
    CONSTRAINT "question_pkey" PRIMARY KEY ("QuestionNum")
);

CREATE TABLE IF NOT EXISTS raw."quickpastecat" (
    "QuickPasteCatNum" int8 NOT NULL,
    "Description" varchar(255),
    "ItemOrder" int2,
    "DefaultForTypes" text,
    CONSTRAINT "quickpastecat_pkey" PRIMARY KEY ("QuickPasteCatNum")
);

CREATE TABLE IF NOT EXISTS raw."quickpastenote" (
    "QuickPasteNoteNum" int8 NOT NULL,
    "QuickPasteCatNum" int8,
    "ItemOrder" int2,
    "Note" text,
    "Abbreviation" varchar(255),
    CONSTRAINT "quickpastenote_pkey" PRIMARY KEY ("QuickPasteNoteNum")
);

CREATE TABLE IF NOT EXISTS raw."reactivation" (
    "ReactivationNum" int8 NOT NULL,
    "PatNum" int8,
    "ReactivationStatus" int8,
    "ReactivationNote" text,
    "DoNotContact" bool,
    CONSTRAINT "reactivation_pkey" PRIMARY KEY ("ReactivationNum")
);

CREATE TABLE IF NOT EXISTS raw."recall" (
    "RecallNum" int8 NOT NULL,
    "PatNum" int8,
    "DateDueCalc" date,
    "DateDue" date,
    "DatePrevious" date,
    "RecallInterval" int4,
    "RecallStatus" int8,
    "Note" text,
    "IsDisabled" bool,
    "DateTStamp" timestamp,
    "RecallTypeNum" int8,
    "DisableUntilBalance" float8,
    "DisableUntilDate" date,
    "DateScheduled" date,
    "Priority" bool,
    "TimePatternOverride" varchar(255),
    CONSTRAINT "recall_pkey" PRIMARY KEY ("RecallNum")
);

CREATE TABLE IF NOT EXISTS raw."recalltrigger" (
    "RecallTriggerNum" int8 NOT NULL,
    "RecallTypeNum" int8,
    "CodeNum" int8,
    CONSTRAINT "recalltrigger_pkey" PRIMARY KEY ("RecallTriggerNum")
);

CREATE TABLE IF NOT EXISTS raw."recalltype" (
    "RecallTypeNum" int8 NOT NULL,
    "Description" varchar(255),
    "DefaultInterval" int4,
    "TimePattern" varchar(255),
    "Procedures" varchar(255),
    "AppendToSpecial" bool,
    CONSTRAINT "recalltype_pkey" PRIMARY KEY ("RecallTypeNum")
);

CREATE TABLE IF NOT EXISTS raw."reconcile" (
    "ReconcileNum" int8 NOT NULL,
    "AccountNum" int8,
    "StartingBal" float8,
    "EndingBal" float8,
    "DateReconcile" date,
    "IsLocked" bool,
    CONSTRAINT "reconcile_pkey" PRIMARY KEY ("ReconcileNum")
);

CREATE TABLE IF NOT EXISTS raw."recurringcharge" (
    "RecurringChargeNum" int8 NOT NULL,
    "PatNum" int8,
    "ClinicNum" int8,
    "DateTimeCharge" timestamp,
    "ChargeStatus" bool,
    "FamBal" float8,
    "PayPlanDue" float8,
    "TotalDue" float8,
    "RepeatAmt" float8,
    "ChargeAmt" float8,
    "UserNum" int8,
    "PayNum" int8,
    "CreditCardNum" int8,
    "ErrorMsg" text,
    CONSTRAINT "recurringcharge_pkey" PRIMARY KEY ("RecurringChargeNum")
);

CREATE TABLE IF NOT EXISTS raw."refattach" (
    "RefAttachNum" int8 NOT NULL,
    "ReferralNum" int8,
    "PatNum" int8,
    "ItemOrder" int2,
    "RefDate" date,
    "RefType" bool,
    "RefToStatus" int2,
    "Note" text,
    "IsTransitionOfCare" bool,
    "ProcNum" int8,
    "DateProcComplete" date,
    "ProvNum" int8,
    "DateTStamp" timestamp,
    CONSTRAINT "refattach_pkey" PRIMARY KEY ("RefAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."referral" (
    "ReferralNum" int8 NOT NULL,
    "LName" varchar(100),
    "FName" varchar(100),
    "MName" varchar(100),
    "SSN" varchar(9),
    "UsingTIN" bool,
    "Specialty" int8,
    "ST" varchar(2),
    "Telephone" varchar(10),
    "Address" varchar(100),
    "Address2" varchar(100),
    "City" varchar(100),
    "Zip" varchar(10),
    "Note" text,
    "Phone2" varchar(30),
    "IsHidden" bool,
    "NotPerson" bool,
    "Title" varchar(255),
    "EMail" varchar(255),
    "PatNum" int8,
    "NationalProvID" varchar(255),
    "Slip" int8,
    "IsDoctor" bool,
    "IsTrustedDirect" bool,
    "DateTStamp" timestamp,
    "IsPreferred" bool,
    "BusinessName" varchar(255),
    "DisplayNote" varchar(4000),
    CONSTRAINT "referral_pkey" PRIMARY KEY ("ReferralNum")
);

CREATE TABLE IF NOT EXISTS raw."referralcliniclink" (
    "ReferralClinicLinkNum" int8 NOT NULL,
    "ReferralNum" int8,
    "ClinicNum" int8,
    CONSTRAINT "referralcliniclink_pkey" PRIMARY KEY ("ReferralClinicLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."registrationkey" (
    "RegistrationKeyNum" int8 NOT NULL,
    "PatNum" int8,
    "RegKey" varchar(4000),
    "Note" varchar(4000),
    "DateStarted" date,
    "DateDisabled" date,
    "DateEnded" date,
    "IsForeign" bool,
    "UsesServerVersion" bool,
    "IsFreeVersion" bool,
    "IsOnlyForTesting" bool,
    "VotesAllotted" int4,
    "IsResellerCustomer" bool,
    "HasEarlyAccess" bool,
    "DateTBackupScheduled" timestamp,
    "BackupPassCode" varchar(32),
    CONSTRAINT "registrationkey_pkey" PRIMARY KEY ("RegistrationKeyNum")
);

CREATE TABLE IF NOT EXISTS raw."reminderrule" (
    "ReminderRuleNum" int8 NOT NULL,
    "ReminderCriterion" bool,
    "CriterionFK" int8,
    "CriterionValue" varchar(255),
    "Message" varchar(255),
    CONSTRAINT "reminderrule_pkey" PRIMARY KEY ("ReminderRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."repeatcharge" (
    "RepeatChargeNum" int8 NOT NULL,
    "PatNum" int8,
    "ProcCode" varchar(15),
    "ChargeAmt" float8,
    "DateStart" date,
    "DateStop" date,
    "Note" text,
    "CopyNoteToProc" bool,
    "CreatesClaim" bool,
    "IsEnabled" bool,
    "UsePrepay" bool,
    "Npi" text,
    "ErxAccountId" text,
    "ProviderName" text,
    "ChargeAmtAlt" float8,
    "UnearnedTypes" varchar(4000),
    "Frequency" bool,
    CONSTRAINT "repeatcharge_pkey" PRIMARY KEY ("RepeatChargeNum")
);

CREATE TABLE IF NOT EXISTS raw."replicationserver" (
    "ReplicationServerNum" int8 NOT NULL,
    "Descript" text,
    "ServerId" int4,
    "RangeStart" int8,
    "RangeEnd" int8,
    "AtoZpath" varchar(255),
    "UpdateBlocked" bool,
    "SlaveMonitor" varchar(255),
    CONSTRAINT "replicationserver_pkey" PRIMARY KEY ("ReplicationServerNum")
);

CREATE TABLE IF NOT EXISTS raw."reqneeded" (
    "ReqNeededNum" int8 NOT NULL,
    "Descript" varchar(255),
    "SchoolCourseNum" int8,
    "SchoolClassNum" int8,
    CONSTRAINT "reqneeded_pkey" PRIMARY KEY ("ReqNeededNum")
);

CREATE TABLE IF NOT EXISTS raw."reqstudent" (
    "ReqStudentNum" int8 NOT NULL,
    "ReqNeededNum" int8,
    "Descript" varchar(255),
    "SchoolCourseNum" int8,
    "ProvNum" int8,
    "AptNum" int8,
    "PatNum" int8,
    "InstructorNum" int8,
    "DateCompleted" date,
    CONSTRAINT "reqstudent_pkey" PRIMARY KEY ("ReqStudentNum")
);

CREATE TABLE IF NOT EXISTS raw."requiredfield" (
    "RequiredFieldNum" int8 NOT NULL,
    "FieldType" bool,
    "FieldName" varchar(50),
    CONSTRAINT "requiredfield_pkey" PRIMARY KEY ("RequiredFieldNum")
);

CREATE TABLE IF NOT EXISTS raw."requiredfieldcondition" (
    "RequiredFieldConditionNum" int8 NOT NULL,
    "RequiredFieldNum" int8,
    "ConditionType" varchar(50),
    "Operator" bool,
    "ConditionValue" varchar(255),
    "ConditionRelationship" bool,
    CONSTRAINT "requiredfieldcondition_pkey" PRIMARY KEY ("RequiredFieldConditionNum")
);

CREATE TABLE IF NOT EXISTS raw."reseller" (
    "ResellerNum" int8 NOT NULL,
    "PatNum" int8,
    "UserName" varchar(255),
    "ResellerPassword" varchar(255),
    "BillingType" int8,
    "VotesAllotted" int4,
    "Note" varchar(4000),
    CONSTRAINT "reseller_pkey" PRIMARY KEY ("ResellerNum")
);

CREATE TABLE IF NOT EXISTS raw."resellerservice" (
    "ResellerServiceNum" int8 NOT NULL,
    "ResellerNum" int8,
    "CodeNum" int8,
    "Fee" float8,
    "HostedUrl" varchar(255),
    CONSTRAINT "resellerservice_pkey" PRIMARY KEY ("ResellerServiceNum")
);

CREATE TABLE IF NOT EXISTS raw."rxalert" (
    "RxAlertNum" int8 NOT NULL,
    "RxDefNum" int8,
    "DiseaseDefNum" int8,
    "AllergyDefNum" int8,
    "MedicationNum" int8,
    "NotificationMsg" varchar(255),
    "IsHighSignificance" bool,
    CONSTRAINT "rxalert_pkey" PRIMARY KEY ("RxAlertNum")
);

CREATE TABLE IF NOT EXISTS raw."rxdef" (
    "RxDefNum" int8 NOT NULL,
    "Drug" varchar(255),
    "Sig" varchar(255),
    "Disp" varchar(255),
    "Refills" varchar(30),
    "Notes" varchar(255),
    "IsControlled" bool,
    "RxCui" int8,
    "IsProcRequired" bool,
    "PatientInstruction" text,
    CONSTRAINT "rxdef_pkey" PRIMARY KEY ("RxDefNum")
);

CREATE TABLE IF NOT EXISTS raw."rxnorm" (
    "RxNormNum" int8 NOT NULL,
    "RxCui" varchar(255),
    "MmslCode" varchar(255),
    "Description" text,
    CONSTRAINT "rxnorm_pkey" PRIMARY KEY ("RxNormNum")
);

CREATE TABLE IF NOT EXISTS raw."rxpat" (
    "RxNum" int8 NOT NULL,
    "PatNum" int8,
    "RxDate" date,
    "Drug" varchar(255),
    "Sig" varchar(255),
    "Disp" varchar(255),
    "Refills" varchar(30),
    "ProvNum" int8,
    "Notes" varchar(255),
    "PharmacyNum" int8,
    "IsControlled" bool,
    "DateTStamp" timestamp,
    "SendStatus" int2,
    "RxCui" int8,
    "DosageCode" varchar(255),
    "ErxGuid" varchar(40),
    "IsErxOld" bool,
    "ErxPharmacyInfo" varchar(255),
    "IsProcRequired" bool,
    "ProcNum" int8,
    "DaysOfSupply" float8,
    "PatientInstruction" text,
    "ClinicNum" int8,
    "UserNum" int8,
    "RxType" bool,
    CONSTRAINT "rxpat_pkey" PRIMARY KEY ("RxNum")
);

CREATE TABLE IF NOT EXISTS raw."schedule" (
    "ScheduleNum" int8 NOT NULL,
    "SchedDate" date,
    "StartTime" time,
    "StopTime" time,
    "SchedType" int2,
    "ProvNum" int8,
    "BlockoutType" int8,
    "Note" text,
    "Status" int2,
    "EmployeeNum" int8,
    "DateTStamp" timestamp,
    "ClinicNum" int8,
    CONSTRAINT "schedule_pkey" PRIMARY KEY ("ScheduleNum")
);

CREATE TABLE IF NOT EXISTS raw."scheduledprocess" (
    "ScheduledProcessNum" int8 NOT NULL,
    "ScheduledAction" varchar(50),
    "TimeToRun" timestamp,
    "FrequencyToRun" varchar(50),
    "LastRanDateTime" timestamp,
    CONSTRAINT "scheduledprocess_pkey" PRIMARY KEY ("ScheduledProcessNum")
);

CREATE TABLE IF NOT EXISTS raw."scheduleop" (
    "ScheduleOpNum" int8 NOT NULL,
    "ScheduleNum" int8,
    "OperatoryNum" int8,
    CONSTRAINT "scheduleop_pkey" PRIMARY KEY ("ScheduleOpNum")
);

CREATE TABLE IF NOT EXISTS raw."schoolclass" (
    "SchoolClassNum" int8 NOT NULL,
    "GradYear" int4,
    "Descript" varchar(255),
    CONSTRAINT "schoolclass_pkey" PRIMARY KEY ("SchoolClassNum")
);

CREATE TABLE IF NOT EXISTS raw."schoolcourse" (
    "SchoolCourseNum" int8 NOT NULL,
    "CourseID" varchar(255),
    "Descript" varchar(255),
    CONSTRAINT "schoolcourse_pkey" PRIMARY KEY ("SchoolCourseNum")
);

CREATE TABLE IF NOT EXISTS raw."screen" (
    "ScreenNum" int8 NOT NULL,
    "Gender" bool,
    "RaceOld" bool,
    "GradeLevel" bool,
    "Age" bool,
    "Urgency" bool,
    "HasCaries" bool,
    "NeedsSealants" bool,
    "CariesExperience" bool,
    "EarlyChildCaries" bool,
    "ExistingSealants" bool,
    "MissingAllTeeth" bool,
    "Birthdate" date,
    "ScreenGroupNum" int8,
    "ScreenGroupOrder" int2,
    "Comments" varchar(255),
    "ScreenPatNum" int8,
    "SheetNum" int8,
    CONSTRAINT "screen_pkey" PRIMARY KEY ("ScreenNum")
);

CREATE TABLE IF NOT EXISTS raw."screengroup" (
    "ScreenGroupNum" int8 NOT NULL,
    "Description" varchar(255),
    "SGDate" date,
    "ProvName" varchar(255),
    "ProvNum" int8,
    "PlaceService" bool,
    "County" varchar(255),
    "GradeSchool" varchar(255),
    "SheetDefNum" int8,
    CONSTRAINT "screengroup_pkey" PRIMARY KEY ("ScreenGroupNum")
);

CREATE TABLE IF NOT EXISTS raw."screenpat" (
    "ScreenPatNum" int8 NOT NULL,
    "PatNum" int8,
    "ScreenGroupNum" int8,
    "SheetNum" int8,
    "PatScreenPerm" bool,
    CONSTRAINT "screenpat_pkey" PRIMARY KEY ("ScreenPatNum")
);

CREATE TABLE IF NOT EXISTS raw."securitylog" (
    "SecurityLogNum" int8 NOT NULL,
    "PermType" int2,
    "UserNum" int8,
    "LogDateTime" timestamp,
    "LogText" text,
    "PatNum" int8,
    "CompName" varchar(255),
    "FKey" int8,
    "LogSource" int2,
    "DefNum" int8,
    "DefNumError" int8,
    "DateTPrevious" timestamp,
    CONSTRAINT "securitylog_pkey" PRIMARY KEY ("SecurityLogNum")
);

CREATE TABLE IF NOT EXISTS raw."securityloghash" (
    "SecurityLogHashNum" int8 NOT NULL,
    "SecurityLogNum" int8,
    "LogHash" varchar(255),
    CONSTRAINT "securityloghash_pkey" PRIMARY KEY ("SecurityLogHashNum")
);

CREATE TABLE IF NOT EXISTS raw."sessiontoken" (
    "SessionTokenNum" int8 NOT NULL,
    "SessionTokenHash" varchar(255),
    "Expiration" timestamp,
    "TokenType" bool,
    "FKey" int8,
    CONSTRAINT "sessiontoken_pkey" PRIMARY KEY ("SessionTokenNum")
);

CREATE TABLE IF NOT EXISTS raw."sheet" (
    "SheetNum" int8 NOT NULL,
    "SheetType" int4,
    "PatNum" int8,
    "DateTimeSheet" timestamp,
    "FontSize" float4,
    "FontName" varchar(255),
    "Width" int4,
    "Height" int4,
    "IsLandscape" bool,
    "InternalNote" text,
    "Description" varchar(255),
    "ShowInTerminal" int2,
    "IsWebForm" bool,
    "IsMultiPage" bool,
    "IsDeleted" bool,
    "SheetDefNum" int8,
    "DocNum" int8,
    "ClinicNum" int8,
    "DateTSheetEdited" timestamp,
    "HasMobileLayout" bool,
    "RevID" int4,
    "WebFormSheetID" int8,
    CONSTRAINT "sheet_pkey" PRIMARY KEY ("SheetNum")
);

CREATE TABLE IF NOT EXISTS raw."sheetdef" (
    "SheetDefNum" int8 NOT NULL,
    "Description" varchar(255),
    "SheetType" int4,
    "FontSize" float4,
    "FontName" varchar(255),
    "Width" int4,
    "Height" int4,
    "IsLandscape" bool,
    "PageCount" int4,
    "IsMultiPage" bool,
    "BypassGlobalLock" bool,
    "HasMobileLayout" bool,
    "DateTCreated" timestamp,
    "RevID" int4,
    "AutoCheckSaveImage" bool,
    "AutoCheckSaveImageDocCategory" int8,
    CONSTRAINT "sheetdef_pkey" PRIMARY KEY ("SheetDefNum")
);

CREATE TABLE IF NOT EXISTS raw."sheetfield" (
    "SheetFieldNum" int8 NOT NULL,
    "SheetNum" int8,
    "FieldType" int4,
    "FieldName" varchar(255),
    "FieldValue" text,
    "FontSize" float4,
    "FontName" varchar(255),
    "FontIsBold" bool,
    "XPos" int4,
    "YPos" int4,
    "Width" int4,
    "Height" int4,
    "GrowthBehavior" int4,
    "RadioButtonValue" varchar(255),
    "RadioButtonGroup" varchar(255),
    "IsRequired" bool,
    "TabOrder" int4,
    "ReportableName" varchar(255),
    "TextAlign" int2,
    "ItemColor" int4,
    "DateTimeSig" timestamp,
    "IsLocked" bool,
    "TabOrderMobile" int4,
    "UiLabelMobile" text,
    "UiLabelMobileRadioButton" text,
    "SheetFieldDefNum" int8,
    "CanElectronicallySign" bool,
    "IsSigProvRestricted" bool,
    CONSTRAINT "sheetfield_pkey" PRIMARY KEY ("SheetFieldNum")
);

CREATE TABLE IF NOT EXISTS raw."sheetfielddef" (
    "SheetFieldDefNum" int8 NOT NULL,
    "SheetDefNum" int8,
    "FieldType" int4,
    "FieldName" varchar(255),
    "FieldValue" text,
    "FontSize" float4,
    "FontName" varchar(255),
    "FontIsBold" bool,
    "XPos" int4,
    "YPos" int4,
    "Width" int4,
    "Height" int4,
    "GrowthBehavior" int4,
    "RadioButtonValue" varchar(255),
    "RadioButtonGroup" varchar(255),
    "IsRequired" bool,
    "TabOrder" int4,
    "ReportableName" varchar(255),
    "TextAlign" int2,
    "IsPaymentOption" bool,
    "ItemColor" int4,
    "IsLocked" bool,
    "TabOrderMobile" int4,
    "UiLabelMobile" text,
    "UiLabelMobileRadioButton" text,
    "LayoutMode" bool,
    "Language" varchar(255),
    "CanElectronicallySign" bool,
    "IsSigProvRestricted" bool,
    CONSTRAINT "sheetfielddef_pkey" PRIMARY KEY ("SheetFieldDefNum")
);

CREATE TABLE IF NOT EXISTS raw."sigbutdef" (
    "SigButDefNum" int8 NOT NULL,
    "ButtonText" varchar(255),
    "ButtonIndex" int2,
    "SynchIcon" int2,
    "ComputerName" varchar(255),
    "SigElementDefNumUser" int8,
    "SigElementDefNumExtra" int8,
    "SigElementDefNumMsg" int8,
    CONSTRAINT "sigbutdef_pkey" PRIMARY KEY ("SigButDefNum")
);

CREATE TABLE IF NOT EXISTS raw."sigelementdef" (
    "SigElementDefNum" int8 NOT NULL,
    "LightRow" int2,
    "LightColor" int4,
    "SigElementType" int2,
    "SigText" varchar(255),
    "Sound" text,
    "ItemOrder" int2,
    CONSTRAINT "sigelementdef_pkey" PRIMARY KEY ("SigElementDefNum")
);

CREATE TABLE IF NOT EXISTS raw."sigmessage" (
    "SigMessageNum" int8 NOT NULL,
    "ButtonText" varchar(255),
    "ButtonIndex" int4,
    "SynchIcon" bool,
    "FromUser" varchar(255),
    "ToUser" varchar(255),
    "MessageDateTime" timestamp,
    "AckDateTime" timestamp,
    "SigText" varchar(255),
    "SigElementDefNumUser" int8,
    "SigElementDefNumExtra" int8,
    "SigElementDefNumMsg" int8,
    CONSTRAINT "sigmessage_pkey" PRIMARY KEY ("SigMessageNum")
);

CREATE TABLE IF NOT EXISTS raw."signalod" (
    "SignalNum" int8 NOT NULL,
    "DateViewing" date,
    "SigDateTime" timestamp,
    "FKey" int8,
    "FKeyType" varchar(255),
    "IType" int2,
    "RemoteRole" bool,
    "MsgValue" text,
    CONSTRAINT "signalod_pkey" PRIMARY KEY ("SignalNum")
);

CREATE TABLE IF NOT EXISTS raw."site" (
    "SiteNum" int8 NOT NULL,
    "Description" varchar(255),
    "Note" text,
    "Address" varchar(100),
    "Address2" varchar(100),
    "City" varchar(100),
    "State" varchar(100),
    "Zip" varchar(100),
    "ProvNum" int8,
    "PlaceService" bool,
    CONSTRAINT "site_pkey" PRIMARY KEY ("SiteNum")
);

CREATE TABLE IF NOT EXISTS raw."smsblockphone" (
    "SmsBlockPhoneNum" int8 NOT NULL,
    "BlockWirelessNumber" varchar(255),
    CONSTRAINT "smsblockphone_pkey" PRIMARY KEY ("SmsBlockPhoneNum")
);

CREATE TABLE IF NOT EXISTS raw."smsfrommobile" (
    "SmsFromMobileNum" int8 NOT NULL,
    "PatNum" int8,
    "ClinicNum" int8,
    "CommlogNum" int8,
    "MsgText" text,
    "DateTimeReceived" timestamp,
    "SmsPhoneNumber" varchar(255),
    "MobilePhoneNumber" varchar(255),
    "MsgPart" int4,
    "MsgTotal" int4,
    "MsgRefID" varchar(255),
    "SmsStatus" bool,
    "Flags" varchar(255),
    "IsHidden" bool,
    "MatchCount" int4,
    "GuidMessage" varchar(255),
    "SecDateTEdit" timestamp,
    CONSTRAINT "smsfrommobile_pkey" PRIMARY KEY ("SmsFromMobileNum")
);

CREATE TABLE IF NOT EXISTS raw."smsphone" (
    "SmsPhoneNum" int8 NOT NULL,
    "ClinicNum" int8,
    "PhoneNumber" varchar(255),
    "DateTimeActive" timestamp,
    "DateTimeInactive" timestamp,
    "InactiveCode" varchar(255),
    "CountryCode" varchar(255),
    CONSTRAINT "smsphone_pkey" PRIMARY KEY ("SmsPhoneNum")
);

CREATE TABLE IF NOT EXISTS raw."smstomobile" (
    "SmsToMobileNum" int8 NOT NULL,
    "PatNum" int8,
    "GuidMessage" varchar(255),
    "GuidBatch" varchar(255),
    "SmsPhoneNumber" varchar(255),
    "MobilePhoneNumber" varchar(255),
    "IsTimeSensitive" bool,
    "MsgType" int2,
    "MsgText" text,
    "SmsStatus" int2,
    "MsgParts" int4,
    "MsgChargeUSD" float4,
    "ClinicNum" int8,
    "CustErrorText" varchar(255),
    "DateTimeSent" timestamp,
    "DateTimeTerminated" timestamp,
    "IsHidden" bool,
    "MsgDiscountUSD" float4,
    "SecDateTEdit" timestamp,
    CONSTRAINT "smstomobile_pkey" PRIMARY KEY ("SmsToMobileNum")
);

CREATE TABLE IF NOT EXISTS raw."snomed" (
    "SnomedNum" int8 NOT NULL,
    "SnomedCode" varchar(255),
    "Description" varchar(255),
    CONSTRAINT "snomed_pkey" PRIMARY KEY ("SnomedNum")
);

CREATE TABLE IF NOT EXISTS raw."sop" (
    "SopNum" int8 NOT NULL,
    "SopCode" varchar(255),
    "Description" varchar(255),
    CONSTRAINT "sop_pkey" PRIMARY KEY ("SopNum")
);

CREATE TABLE IF NOT EXISTS raw."stateabbr" (
    "StateAbbrNum" int8 NOT NULL,
    "Description" varchar(50),
    "Abbr" varchar(50),
    "MedicaidIDLength" int4,
    CONSTRAINT "stateabbr_pkey" PRIMARY KEY ("StateAbbrNum")
);

CREATE TABLE IF NOT EXISTS raw."statement" (
    "StatementNum" int8 NOT NULL,
    "PatNum" int8,
    "DateSent" date,
    "DateRangeFrom" date,
    "DateRangeTo" date,
    "Note" text,
    "NoteBold" text,
    "Mode_" int2,
    "HidePayment" bool,
    "SinglePatient" bool,
    "Intermingled" bool,
    "IsSent" bool,
    "DocNum" int8,
    "DateTStamp" timestamp,
    "IsReceipt" bool,
    "IsInvoice" bool,
    "IsInvoiceCopy" bool,
    "EmailSubject" varchar(255),
    "EmailBody" text,
    "SuperFamily" int8,
    "IsBalValid" bool,
    "InsEst" float8,
    "BalTotal" float8,
    "StatementType" varchar(50),
    "ShortGUID" varchar(30),
    "StatementShortURL" varchar(50),
    "StatementURL" varchar(255),
    "SmsSendStatus" int2,
    "LimitedCustomFamily" int2,
    "ShowTransSinceBalZero" bool,
    CONSTRAINT "statement_pkey" PRIMARY KEY ("StatementNum")
);

CREATE TABLE IF NOT EXISTS raw."statementprod" (
    "StatementProdNum" int8 NOT NULL,
    "StatementNum" int8,
    "FKey" int8,
    "ProdType" int2,
    "LateChargeAdjNum" int8,
    "DocNum" int8,
    CONSTRAINT "statementprod_pkey" PRIMARY KEY ("StatementProdNum")
);

CREATE TABLE IF NOT EXISTS raw."stmtlink" (
    "StmtLinkNum" int8 NOT NULL,
    "StatementNum" int8,
    "StmtLinkType" int2,
    "FKey" int8,
    CONSTRAINT "stmtlink_pkey" PRIMARY KEY ("StmtLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."substitutionlink" (
    "SubstitutionLinkNum" int8 NOT NULL,
    "PlanNum" int8,
    "CodeNum" int8,
    "SubstitutionCode" varchar(25),
    "SubstOnlyIf" int4,
    CONSTRAINT "substitutionlink_pkey" PRIMARY KEY ("SubstitutionLinkNum")
);

CREATE TABLE IF NOT EXISTS raw."supplier" (
    "SupplierNum" int8 NOT NULL,
    "Name" varchar(255),
    "Phone" varchar(255),
    "CustomerId" varchar(255),
    "Website" text,
    "UserName" varchar(255),
    "Password" varchar(255),
    "Note" text,
    CONSTRAINT "supplier_pkey" PRIMARY KEY ("SupplierNum")
);

CREATE TABLE IF NOT EXISTS raw."supply" (
    "SupplyNum" int8 NOT NULL,
    "SupplierNum" int8,
    "CatalogNumber" varchar(255),
    "Descript" varchar(255),
    "Category" int8,
    "ItemOrder" int4,
    "LevelDesired" float4,
    "IsHidden" bool,
    "Price" float8,
    "BarCodeOrID" varchar(255),
    "DispDefaultQuant" float4,
    "DispUnitsCount" int4,
    "DispUnitDesc" varchar(255),
    "LevelOnHand" float4,
    "OrderQty" int4,
    CONSTRAINT "supply_pkey" PRIMARY KEY ("SupplyNum")
);

CREATE TABLE IF NOT EXISTS raw."supplyneeded" (
    "SupplyNeededNum" int8 NOT NULL,
    "Description" text,
    "DateAdded" date,
    CONSTRAINT "supplyneeded_pkey" PRIMARY KEY ("SupplyNeededNum")
);

CREATE TABLE IF NOT EXISTS raw."supplyorder" (
    "SupplyOrderNum" int8 NOT NULL,
    "SupplierNum" int8,
    "DatePlaced" date,
    "Note" text,
    "AmountTotal" float8,
    "UserNum" int8,
    "ShippingCharge" float8,
    "DateReceived" date,
    CONSTRAINT "supplyorder_pkey" PRIMARY KEY ("SupplyOrderNum")
);

CREATE TABLE IF NOT EXISTS raw."supplyorderitem" (
    "SupplyOrderItemNum" int8 NOT NULL,
    "SupplyOrderNum" int8,
    "SupplyNum" int8,
    "Qty" int4,
    "Price" float8,
    "DateReceived" date,
    CONSTRAINT "supplyorderitem_pkey" PRIMARY KEY ("SupplyOrderItemNum")
);

CREATE TABLE IF NOT EXISTS raw."task" (
    "TaskNum" int8 NOT NULL,
    "TaskListNum" int8,
    "DateTask" date,
    "KeyNum" int8,
    "Descript" text,
    "TaskStatus" int2,
    "IsRepeating" bool,
    "DateType" bool,
    "FromNum" int8,
    "ObjectType" int2,
    "DateTimeEntry" timestamp,
    "UserNum" int8,
    "DateTimeFinished" timestamp,
    "PriorityDefNum" int8,
    "ReminderGroupId" varchar(20),
    "ReminderType" int2,
    "ReminderFrequency" int4,
    "DateTimeOriginal" timestamp,
    "SecDateTEdit" timestamp,
    "DescriptOverride" varchar(255),
    "IsReadOnly" bool,
    "Category" int8,
    CONSTRAINT "task_pkey" PRIMARY KEY ("TaskNum")
);

CREATE TABLE IF NOT EXISTS raw."taskancestor" (
    "TaskAncestorNum" int8 NOT NULL,
    "TaskNum" int8,
    "TaskListNum" int8,
    CONSTRAINT "taskancestor_pkey" PRIMARY KEY ("TaskAncestorNum")
);

CREATE TABLE IF NOT EXISTS raw."taskattachment" (
    "TaskAttachmentNum" int8 NOT NULL,
    "TaskNum" int8,
    "DocNum" int8,
    "TextValue" text,
    "Description" varchar(255),
    CONSTRAINT "taskattachment_pkey" PRIMARY KEY ("TaskAttachmentNum")
);

CREATE TABLE IF NOT EXISTS raw."taskhist" (
    "TaskHistNum" int8 NOT NULL,
    "UserNumHist" int8,
    "DateTStamp" timestamp,
    "IsNoteChange" bool,
    "TaskNum" int8,
    "TaskListNum" int8,
    "DateTask" date,
    "KeyNum" int8,
    "Descript" text,
    "TaskStatus" int2,
    "IsRepeating" bool,
    "DateType" bool,
    "FromNum" int8,
    "ObjectType" int2,
    "DateTimeEntry" timestamp,
    "UserNum" int8,
    "DateTimeFinished" timestamp,
    "PriorityDefNum" int8,
    "ReminderGroupId" varchar(20),
    "ReminderType" int2,
    "ReminderFrequency" int4,
    "DateTimeOriginal" timestamp,
    "SecDateTEdit" timestamp,
    "DescriptOverride" varchar(255),
    "IsReadOnly" bool,
    "Category" int8,
    CONSTRAINT "taskhist_pkey" PRIMARY KEY ("TaskHistNum")
);

CREATE TABLE IF NOT EXISTS raw."tasklist" (
    "TaskListNum" int8 NOT NULL,
    "Descript" varchar(255),
    "Parent" int8,
    "DateTL" date,
    "IsRepeating" bool,
    "DateType" bool,
    "FromNum" int8,
    "ObjectType" int2,
    "DateTimeEntry" timestamp,
    "GlobalTaskFilterType" bool,
    "TaskListStatus" int2,
    CONSTRAINT "tasklist_pkey" PRIMARY KEY ("TaskListNum")
);

CREATE TABLE IF NOT EXISTS raw."tasknote" (
    "TaskNoteNum" int8 NOT NULL,
    "TaskNum" int8,
    "UserNum" int8,
    "DateTimeNote" timestamp,
    "Note" text,
    CONSTRAINT "tasknote_pkey" PRIMARY KEY ("TaskNoteNum")
);

CREATE TABLE IF NOT EXISTS raw."tasksubscription" (
    "TaskSubscriptionNum" int8 NOT NULL,
    "UserNum" int8,
    "TaskListNum" int8,
    "TaskNum" int8,
    CONSTRAINT "tasksubscription_pkey" PRIMARY KEY ("TaskSubscriptionNum")
);

CREATE TABLE IF NOT EXISTS raw."taskunread" (
    "TaskUnreadNum" int8 NOT NULL,
    "TaskNum" int8,
    "UserNum" int8,
    CONSTRAINT "taskunread_pkey" PRIMARY KEY ("TaskUnreadNum")
);

CREATE TABLE IF NOT EXISTS raw."tempimageconv" (
    "filepath" text,
    "filename" text,
    "patnum" int8,
    "patnum_str" varchar(30),
    "foldername" varchar(50)
);

CREATE TABLE IF NOT EXISTS raw."tempimageconv2" (
    "filepath" text,
    "filename" varchar(100),
    "patnum" int8,
    "patnum_str" varchar(30),
    "imagedate" varchar(50),
    "description" varchar(200),
    "document_id" varchar(50),
    "IsDeleted" int4,
    "doccategory" int4
);

CREATE TABLE IF NOT EXISTS raw."tempinsplan_bak_20200424" (
    "PlanNum" int8,
    "GroupName" varchar(50),
    "GroupNum" varchar(25),
    "PlanNote" text,
    "FeeSched" int8,
    "PlanType" bpchar(1),
    "ClaimFormNum" int8,
    "UseAltCode" bool,
    "ClaimsUseUCR" bool,
    "CopayFeeSched" int8,
    "EmployerNum" int8,
    "CarrierNum" int8,
    "AllowedFeeSched" int8,
    "TrojanID" varchar(100),
    "DivisionNo" varchar(255),
    "IsMedical" bool,
    "FilingCode" int8,
    "DentaideCardSequence" bool,
    "ShowBaseUnits" bool,
    "CodeSubstNone" bool,
    "IsHidden" bool,
    "MonthRenew" int2,
    "FilingCodeSubtype" int8,
    "CanadianPlanFlag" varchar(5),
    "CanadianDiagnosticCode" varchar(255),
    "CanadianInstitutionCode" varchar(255),
    "RxBIN" varchar(255),
    "CobRule" bool,
    "SopCode" varchar(255),
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "HideFromVerifyList" bool,
    "OrthoType" bool,
    "OrthoAutoProcFreq" bool,
    "OrthoAutoProcCodeNumOverride" int8,
    "OrthoAutoFeeBilled" float8,
    "OrthoAutoClaimDaysWait" int4,
    "BillingType" int8,
    "HasPpoSubstWriteoffs" bool,
    "ExclusionFeeRule" bool
);

CREATE TABLE IF NOT EXISTS raw."temppopup_bak_20200424" (
    "PopupNum" int8,
    "PatNum" int8,
    "Description" text,
    "IsDisabled" bool,
    "PopupLevel" bool,
    "UserNum" int8,
    "DateTimeEntry" timestamp,
    "IsArchived" bool,
    "PopupNumArchive" int8
);

CREATE TABLE IF NOT EXISTS raw."tempprocedurecode_bak_20240617" (
    "CodeNum" int8,
    "ProcCode" varchar(15),
    "Descript" varchar(255),
    "AbbrDesc" varchar(50),
    "ProcTime" varchar(24),
    "ProcCat" int8,
    "TreatArea" int2,
    "NoBillIns" bool,
    "IsProsth" bool,
    "DefaultNote" text,
    "IsHygiene" bool,
    "GTypeNum" int2,
    "AlternateCode1" varchar(15),
    "MedicalCode" varchar(15),
    "IsTaxed" bool,
    "PaintType" int2,
    "GraphicColor" int4,
    "LaymanTerm" varchar(255),
    "IsCanadianLab" bool,
    "PreExisting" bool,
    "BaseUnits" int4,
    "SubstitutionCode" varchar(25),
    "SubstOnlyIf" int4,
    "DateTStamp" timestamp,
    "IsMultiVisit" bool,
    "DrugNDC" varchar(255),
    "RevenueCodeDefault" varchar(255),
    "ProvNumDefault" int8,
    "CanadaTimeUnits" float8,
    "IsRadiology" bool,
    "DefaultClaimNote" text,
    "DefaultTPNote" text,
    "BypassGlobalLock" bool,
    "TaxCode" varchar(16),
    "PaintText" varchar(255),
    "AreaAlsoToothRange" bool,
    "DiagnosticCodes" varchar(255)
);

CREATE TABLE IF NOT EXISTS raw."tempschedule_bak_20200424" (
    "ScheduleNum" int8,
    "SchedDate" date,
    "StartTime" time,
    "StopTime" time,
    "SchedType" int2,
    "ProvNum" int8,
    "BlockoutType" int8,
    "Note" text,
    "Status" bool,
    "EmployeeNum" int8,
    "DateTStamp" timestamp,
    "ClinicNum" int8
);

CREATE TABLE IF NOT EXISTS raw."tempscheduleop_bak_20200424" (
    "ScheduleOpNum" int8,
    "ScheduleNum" int8,
    "OperatoryNum" int8
);

CREATE TABLE IF NOT EXISTS raw."terminalactive" (
    "TerminalActiveNum" int8 NOT NULL,
    "ComputerName" varchar(255),
    "TerminalStatus" bool,
    "PatNum" int8,
    "SessionId" int4,
    "ProcessId" int4,
    "SessionName" varchar(255),
    CONSTRAINT "terminalactive_pkey" PRIMARY KEY ("TerminalActiveNum")
);

CREATE TABLE IF NOT EXISTS raw."timeadjust" (
    "TimeAdjustNum" int8 NOT NULL,
    "EmployeeNum" int8,
    "TimeEntry" timestamp,
    "RegHours" time,
    "OTimeHours" time,
    "Note" text,
    "IsAuto" bool,
    "ClinicNum" int8,
    "PtoDefNum" int8,
    "PtoHours" time,
    "IsUnpaidProtectedLeave" bool,
    "SecuUserNumEntry" int8,
    CONSTRAINT "timeadjust_pkey" PRIMARY KEY ("TimeAdjustNum")
);

CREATE TABLE IF NOT EXISTS raw."timecardrule" (
    "TimeCardRuleNum" int8 NOT NULL,
    "EmployeeNum" int8,
    "OverHoursPerDay" time,
    "AfterTimeOfDay" time,
    "BeforeTimeOfDay" time,
    "IsOvertimeExempt" bool,
    "MinClockInTime" time,
    "HasWeekendRate3" bool,
    CONSTRAINT "timecardrule_pkey" PRIMARY KEY ("TimeCardRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."tmpdocument" (
    "document_id" varchar(50),
    "document_name" text,
    "document_type" text,
    "document_creation_date" text,
    "document_modified_date" text,
    "open_with" text,
    "document_group_id" text,
    "patient_id" varchar(50),
    "ref_table" text,
    "sec_ref_id" text,
    "sec_ref_table" text,
    "user_id" text,
    "original_user_id" text,
    "private" text,
    "display_in_docmgr" text,
    "signed" text,
    "archive_name" text,
    "archive_path" text,
    "needs_converted" text,
    "notice_of_privacy" text,
    "privacy_authorization" text,
    "consent" text,
    "practice_id" text,
    "custom_document_id" text,
    "headerfooter_added" text,
    "doccategory" int4
);

CREATE TABLE IF NOT EXISTS raw."tmpimages" (
    "patient_id" varchar(50),
    "images_date_time" text,
    "image_id" varchar(50),
    "use_as_example" text,
    "tooth_number" text,
    "in_use" text,
    "row" text,
    "_column" text,
    "date_last_modified" text,
    "last_modified_by" text,
    "image_type" text,
    "acquired_from" text,
    "exam_id" text,
    "calibration" text,
    "signature" text,
    "example_group" text,
    "document_group" text,
    "acquired_by" text,
    "height" text,
    "width" text,
    "original_image_id" text,
    "image_to_delete" text,
    "image_description" text,
    "instance_uid" text,
    "archive_name" text,
    "archive_path" text,
    "image_status" text,
    "practice_id" text,
    "maximus_signature" text,
    "DolphinTimePointImage" text,
    "exposure_level" text,
    "sidexis_image_position" text
);

CREATE TABLE IF NOT EXISTS raw."tmppatient" (
    "patient_id" varchar(50),
    "patient_image_id" varchar(50)
);

CREATE TABLE IF NOT EXISTS raw."toolbutitem" (
    "ToolButItemNum" int8 NOT NULL,
    "ProgramNum" int8,
    "ToolBar" int2,
    "ButtonText" varchar(255),
    CONSTRAINT "toolbutitem_pkey" PRIMARY KEY ("ToolButItemNum")
);

CREATE TABLE IF NOT EXISTS raw."toothgridcell" (
    "ToothGridCellNum" int8 NOT NULL,
    "SheetFieldNum" int8,
    "ToothGridColNum" int8,
    "ValueEntered" varchar(255),
    "ToothNum" varchar(10),
    CONSTRAINT "toothgridcell_pkey" PRIMARY KEY ("ToothGridCellNum")
);

CREATE TABLE IF NOT EXISTS raw."toothgridcol" (
    "ToothGridColNum" int8 NOT NULL,
    "SheetFieldNum" int8,
    "NameItem" varchar(255),
    "CellType" bool,
    "ItemOrder" int2,
    "ColumnWidth" int2,
    "CodeNum" int8,
    "ProcStatus" bool,
    CONSTRAINT "toothgridcol_pkey" PRIMARY KEY ("ToothGridColNum")
);

CREATE TABLE IF NOT EXISTS raw."toothinitial" (
    "ToothInitialNum" int8 NOT NULL,
    "PatNum" int8,
    "ToothNum" varchar(2),
    "InitialType" int2,
    "Movement" float4,
    "DrawingSegment" text,
    "ColorDraw" int4,
    "SecDateTEntry" timestamp,
    "SecDateTEdit" timestamp,
    "DrawText" varchar(255),
    CONSTRAINT "toothinitial_pkey" PRIMARY KEY ("ToothInitialNum")
);

CREATE TABLE IF NOT EXISTS raw."transaction" (
    "TransactionNum" int8 NOT NULL,
    "DateTimeEntry" timestamp,
    "UserNum" int8,
    "DepositNum" int8,
    "PayNum" int8,
    "SecUserNumEdit" int8,
    "SecDateTEdit" timestamp,
    "TransactionInvoiceNum" int8,
    CONSTRAINT "transaction_pkey" PRIMARY KEY ("TransactionNum")
);

CREATE TABLE IF NOT EXISTS raw."transactioninvoice" (
    "TransactionInvoiceNum" int8 NOT NULL,
    "FileName" varchar(255),
    "InvoiceData" text,
    "FilePath" varchar(255),
    CONSTRAINT "transactioninvoice_pkey" PRIMARY KEY ("TransactionInvoiceNum")
);

CREATE TABLE IF NOT EXISTS raw."treatplan" (
    "TreatPlanNum" int8 NOT NULL,
    "PatNum" int8,
    "DateTP" date,
    "Heading" varchar(255),
    "Note" text,
    "Signature" text,
    "SigIsTopaz" bool,
    "ResponsParty" int8,
    "DocNum" int8,
    "TPStatus" int2,
    "SecUserNumEntry" int8,
    "SecDateEntry" date,
    "SecDateTEdit" timestamp,
    "UserNumPresenter" int8,
    "TPType" bool,
    "SignaturePractice" text,
    "DateTSigned" timestamp,
    "DateTPracticeSigned" timestamp,
    "SignatureText" varchar(255),
    "SignaturePracticeText" varchar(255),
    "MobileAppDeviceNum" int8,
    CONSTRAINT "treatplan_pkey" PRIMARY KEY ("TreatPlanNum")
);

CREATE TABLE IF NOT EXISTS raw."treatplanattach" (
    "TreatPlanAttachNum" int8 NOT NULL,
    "TreatPlanNum" int8,
    "ProcNum" int8,
    "Priority" int8,
    CONSTRAINT "treatplanattach_pkey" PRIMARY KEY ("TreatPlanAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."treatplanparam" (
    "TreatPlanParamNum" int8 NOT NULL,
    "PatNum" int8,
    "TreatPlanNum" int8,
    "ShowDiscount" bool,
    "ShowMaxDed" bool,
    "ShowSubTotals" bool,
    "ShowTotals" bool,
    "ShowCompleted" bool,
    "ShowFees" bool,
    "ShowIns" bool,
    CONSTRAINT "treatplanparam_pkey" PRIMARY KEY ("TreatPlanParamNum")
);

CREATE TABLE IF NOT EXISTS raw."tsitranslog" (
    "TsiTransLogNum" int8 NOT NULL,
    "PatNum" int8,
    "UserNum" int8,
    "TransType" bool,
    "TransDateTime" timestamp,
    "ServiceType" bool,
    "ServiceCode" bool,
    "TransAmt" float8,
    "AccountBalance" float8,
    "FKeyType" bool,
    "FKey" int8,
    "RawMsgText" varchar(1000),
    "ClientId" varchar(25),
    "TransJson" text,
    "ClinicNum" int8,
    "AggTransLogNum" int8,
    CONSTRAINT "tsitranslog_pkey" PRIMARY KEY ("TsiTransLogNum")
);

CREATE TABLE IF NOT EXISTS raw."ucum" (
    "UcumNum" int8 NOT NULL,
    "UcumCode" varchar(255),
    "Description" varchar(255),
    "IsInUse" bool,
    CONSTRAINT "ucum_pkey" PRIMARY KEY ("UcumNum")
);

CREATE TABLE IF NOT EXISTS raw."updatehistory" (
    "UpdateHistoryNum" int8 NOT NULL,
    "DateTimeUpdated" timestamp,
    "ProgramVersion" varchar(255),
    "Signature" text,
    CONSTRAINT "updatehistory_pkey" PRIMARY KEY ("UpdateHistoryNum")
);

CREATE TABLE IF NOT EXISTS raw."userclinic" (
    "UserClinicNum" int8 NOT NULL,
    "UserNum" int8,
    "ClinicNum" int8,
    CONSTRAINT "userclinic_pkey" PRIMARY KEY ("UserClinicNum")
);

CREATE TABLE IF NOT EXISTS raw."usergroup" (
    "UserGroupNum" int8 NOT NULL,
    "Description" varchar(255),
    "UserGroupNumCEMT" int8,
    CONSTRAINT "usergroup_pkey" PRIMARY KEY ("UserGroupNum")
);

CREATE TABLE IF NOT EXISTS raw."usergroupattach" (
    "UserGroupAttachNum" int8 NOT NULL,
    "UserNum" int8,
    "UserGroupNum" int8,
    CONSTRAINT "usergroupattach_pkey" PRIMARY KEY ("UserGroupAttachNum")
);

CREATE TABLE IF NOT EXISTS raw."userod" (
    "UserNum" int8 NOT NULL,
    "UserName" varchar(255),
    "Password" varchar(255),
    "UserGroupNum" int8,
    "EmployeeNum" int8,
    "ClinicNum" int8,
    "ProvNum" int8,
    "IsHidden" bool,
    "TaskListInBox" int8,
    "AnesthProvType" int4,
    "DefaultHidePopups" bool,
    "PasswordIsStrong" bool,
    "ClinicIsRestricted" bool,
    "InboxHidePopups" bool,
    "UserNumCEMT" int8,
    "DateTFail" timestamp,
    "FailedAttempts" int2,
    "DomainUser" varchar(255),
    "IsPasswordResetRequired" bool,
    "MobileWebPin" varchar(255),
    "MobileWebPinFailedAttempts" bool,
    "DateTLastLogin" timestamp,
    "EClipboardClinicalPin" varchar(128),
    "BadgeId" varchar(255),
    CONSTRAINT "userod_pkey" PRIMARY KEY ("UserNum")
);

CREATE TABLE IF NOT EXISTS raw."userodapptview" (
    "UserodApptViewNum" int8 NOT NULL,
    "UserNum" int8,
    "ClinicNum" int8,
    "ApptViewNum" int8,
    CONSTRAINT "userodapptview_pkey" PRIMARY KEY ("UserodApptViewNum")
);

CREATE TABLE IF NOT EXISTS raw."userodpref" (
    "UserOdPrefNum" int8 NOT NULL,
    "UserNum" int8,
    "Fkey" int8,
    "FkeyType" int2,
    "ValueString" text,
    "ClinicNum" int8,
    CONSTRAINT "userodpref_pkey" PRIMARY KEY ("UserOdPrefNum")
);

CREATE TABLE IF NOT EXISTS raw."userquery" (
    "QueryNum" int8 NOT NULL,
    "Description" varchar(255),
    "FileName" varchar(255),
    "QueryText" text,
    "IsReleased" bool,
    "IsPromptSetup" bool,
    "DefaultFormatRaw" bool,
    CONSTRAINT "userquery_pkey" PRIMARY KEY ("QueryNum")
);

CREATE TABLE IF NOT EXISTS raw."userweb" (
    "UserWebNum" int8 NOT NULL,
    "FKey" int8,
    "FKeyType" bool,
    "UserName" varchar(255),
    "Password" varchar(255),
    "PasswordResetCode" varchar(255),
    "RequireUserNameChange" bool,
    "DateTimeLastLogin" timestamp,
    "RequirePasswordChange" bool,
    CONSTRAINT "userweb_pkey" PRIMARY KEY ("UserWebNum")
);

CREATE TABLE IF NOT EXISTS raw."utm" (
    "UtmNum" int8 NOT NULL,
    "CampaignName" varchar(500),
    "MediumInfo" varchar(500),
    "SourceInfo" varchar(500),
    CONSTRAINT "utm_pkey" PRIMARY KEY ("UtmNum")
);

CREATE TABLE IF NOT EXISTS raw."vaccineobs" (
    "VaccineObsNum" int8 NOT NULL,
    "VaccinePatNum" int8,
    "ValType" bool,
    "IdentifyingCode" bool,
    "ValReported" varchar(255),
    "ValCodeSystem" bool,
    "VaccineObsNumGroup" int8,
    "UcumCode" varchar(255),
    "DateObs" date,
    "MethodCode" varchar(255),
    CONSTRAINT "vaccineobs_pkey" PRIMARY KEY ("VaccineObsNum")
);

CREATE TABLE IF NOT EXISTS raw."vaccinepat" (
    "VaccinePatNum" int8 NOT NULL,
    "VaccineDefNum" int8,
    "DateTimeStart" timestamp,
    "DateTimeEnd" timestamp,
    "AdministeredAmt" float4,
    "DrugUnitNum" int8,
    "LotNumber" varchar(255),
    "PatNum" int8,
    "Note" text,
    "FilledCity" varchar(255),
    "FilledST" varchar(255),
    "CompletionStatus" bool,
    "AdministrationNoteCode" bool,
    "UserNum" int8,
    "ProvNumOrdering" int8,
    "ProvNumAdminister" int8,
    "DateExpire" date,
    "RefusalReason" bool,
    "ActionCode" bool,
    "AdministrationRoute" bool,
    "AdministrationSite" bool,
    CONSTRAINT "vaccinepat_pkey" PRIMARY KEY ("VaccinePatNum")
);

CREATE TABLE IF NOT EXISTS raw."vitalsign" (
    "VitalsignNum" int8 NOT NULL,
    "PatNum" int8,
    "Height" float4,
    "Weight" float4,
    "BpSystolic" int2,
    "BpDiastolic" int2,
    "DateTaken" date,
    "HasFollowupPlan" bool,
    "IsIneligible" bool,
    "Documentation" text,
    "ChildGotNutrition" bool,
    "ChildGotPhysCouns" bool,
    "WeightCode" varchar(255),
    "HeightExamCode" varchar(30),
    "WeightExamCode" varchar(30),
    "BMIExamCode" varchar(30),
    "EhrNotPerformedNum" int8,
    "PregDiseaseNum" int8,
    "BMIPercentile" int4,
    "Pulse" int4,
    CONSTRAINT "vitalsign_pkey" PRIMARY KEY ("VitalsignNum")
);

CREATE TABLE IF NOT EXISTS raw."webschedcarrierrule" (
    "WebSchedCarrierRuleNum" int8 NOT NULL,
    "ClinicNum" int8,
    "CarrierName" varchar(255),
    "DisplayName" varchar(255),
    "Message" text,
    "Rule" bool,
    CONSTRAINT "webschedcarrierrule_pkey" PRIMARY KEY ("WebSchedCarrierRuleNum")
);

CREATE TABLE IF NOT EXISTS raw."webschedrecall" (
    "WebSchedRecallNum" int8 NOT NULL,
    "ClinicNum" int8,
    "PatNum" int8,
    "RecallNum" int8,
    "DateTimeEntry" timestamp,
    "DateDue" timestamp,
    "ReminderCount" int4,
    "DateTimeSent" timestamp,
    "DateTimeSendFailed" timestamp,
    "SendStatus" bool,
    "ShortGUID" varchar(255),
    "ResponseDescript" text,
    "Source" bool,
    "CommlogNum" int8,
    "MessageType" bool,
    "MessageFk" int8,
    "ApptReminderRuleNum" int8,
    CONSTRAINT "webschedrecall_pkey" PRIMARY KEY ("WebSchedRecallNum")
);

CREATE TABLE IF NOT EXISTS raw."wikilistheaderwidth" (
    "WikiListHeaderWidthNum" int8 NOT NULL,
    "ListName" varchar(255),
    "ColName" varchar(255),
    "ColWidth" int4,
    "PickList" text,
    "IsHidden" bool,
    CONSTRAINT "wikilistheaderwidth_pkey" PRIMARY KEY ("WikiListHeaderWidthNum")
);

CREATE TABLE IF NOT EXISTS raw."wikilisthist" (
    "WikiListHistNum" int8 NOT NULL,
    "UserNum" int8,
    "ListName" varchar(255),
    "ListHeaders" text,
    "ListContent" text,
    "DateTimeSaved" timestamp,
    CONSTRAINT "wikilisthist_pkey" PRIMARY KEY ("WikiListHistNum")
);

CREATE TABLE IF NOT EXISTS raw."wikipage" (
    "WikiPageNum" int8 NOT NULL,
    "UserNum" int8,
    "PageTitle" varchar(255),
    "KeyWords" varchar(255),
    "PageContent" text,
    "DateTimeSaved" timestamp,
    "IsDraft" bool,
    "IsLocked" bool,
    "IsDeleted" bool,
    "PageContentPlainText" text,
    CONSTRAINT "wikipage_pkey" PRIMARY KEY ("WikiPageNum")
);

CREATE TABLE IF NOT EXISTS raw."wikipagehist" (
    "WikiPageNum" int8 NOT NULL,
    "UserNum" int8,
    "PageTitle" varchar(255),
    "PageContent" text,
    "DateTimeSaved" timestamp,
    "IsDeleted" bool,
    CONSTRAINT "wikipagehist_pkey" PRIMARY KEY ("WikiPageNum")
);

CREATE TABLE IF NOT EXISTS raw."xchargetransaction" (
    "XChargeTransactionNum" int8 NOT NULL,
    "TransType" varchar(255),
    "Amount" float8,
    "CCEntry" varchar(255),
    "PatNum" int8,
    "Result" varchar(255),
    "ClerkID" varchar(255),
    "ResultCode" varchar(255),
    "Expiration" varchar(255),
    "CCType" varchar(255),
    "CreditCardNum" varchar(255),
    "BatchNum" varchar(255),
    "ItemNum" varchar(255),
    "ApprCode" varchar(255),
    "TransactionDateTime" timestamp,
    "BatchTotal" float8,
    CONSTRAINT "xchargetransaction_pkey" PRIMARY KEY ("XChargeTransactionNum")
);

CREATE TABLE IF NOT EXISTS raw."xwebresponse" (
    "XWebResponseNum" int8 NOT NULL,
    "PatNum" int8,
    "ProvNum" int8,
    "ClinicNum" int8,
    "PaymentNum" int8,
    "DateTEntry" timestamp,
    "DateTUpdate" timestamp,
    "TransactionStatus" bool,
    "ResponseCode" int4,
    "XWebResponseCode" varchar(255),
    "ResponseDescription" varchar(255),
    "OTK" varchar(255),
    "HpfUrl" text,
    "HpfExpiration" timestamp,
    "TransactionID" varchar(255),
    "TransactionType" varchar(255),
    "Alias" varchar(255),
    "CardType" varchar(255),
    "CardBrand" varchar(255),
    "CardBrandShort" varchar(255),
    "MaskedAcctNum" varchar(255),
    "Amount" float8,
    "ApprovalCode" varchar(255),
    "CardCodeResponse" varchar(255),
    "ReceiptID" int4,
    "ExpDate" varchar(255),
    "EntryMethod" varchar(255),
    "ProcessorResponse" varchar(255),
    "BatchNum" int4,
    "BatchAmount" float8,
    "AccountExpirationDate" date,
    "DebugError" text,
    "PayNote" text,
    "CCSource" bool,
    "OrderId" varchar(255),
    "EmailResponse" varchar(255),
    "LogGuid" varchar(36),
    CONSTRAINT "xwebresponse_pkey" PRIMARY KEY ("XWebResponseNum")
);

CREATE TABLE IF NOT EXISTS raw."zipcode" (
    "ZipCodeNum" int8 NOT NULL,
    "ZipCodeDigits" varchar(20),
    "City" varchar(100),
    "State" varchar(20),
    "IsFrequent" bool,
    CONSTRAINT "zipcode_pkey" PRIMARY KEY ("ZipCodeNum")
);
