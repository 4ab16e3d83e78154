"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_status import AccountStatus
from .account_strategy import AccountStrategy
from .action_request import ActionRequest
from .active_arrangement import ActiveArrangement
from .adjustment import Adjustment
from .adjustment_reason import AdjustmentReason
from .adjustment_status import AdjustmentStatus
from .agent_figures import AgentFigures
from .agent_share import AgentShare
from .agent_summary import AgentSummary
from .aging_bucket import AgingBucket
from .aging_change import AgingChange
from .aging_report import AgingReport
from .aging_row import AgingRow
from .allocation_policy import AllocationPolicy
from .answer_request import AnswerRequest
from .api_key import ApiKey
from .api_key_request import ApiKeyRequest
from .approval import Approval
from .approval_account import ApprovalAccount
from .approval_context import ApprovalContext
from .approval_kind import ApprovalKind
from .approval_list_item import ApprovalListItem
from .approval_policy import ApprovalPolicy
from .approval_status import ApprovalStatus
from .arm import Arm
from .arrangement import Arrangement
from .arrangement_kind import ArrangementKind
from .arrangement_status import ArrangementStatus
from .assign_request import AssignRequest
from .assignment import Assignment
from .assignment_list import AssignmentList
from .audit_event import AuditEvent
from .audit_verification import AuditVerification
from .auto_assign_request import AutoAssignRequest
from .auto_assign_result import AutoAssignResult
from .balance_after import BalanceAfter
from .bulk_decision_item import BulkDecisionItem
from .bulk_decision_request import BulkDecisionRequest
from .bulk_decision_response import BulkDecisionResponse
from .bulk_decision_result import BulkDecisionResult
from .challenger import Challenger
from .channel import Channel
from .close_complaint_request import CloseComplaintRequest
from .coaching_action import CoachingAction
from .coaching_action_status import CoachingActionStatus
from .coaching_session import CoachingSession
from .coaching_session_request import CoachingSessionRequest
from .collected import Collected
from .collections_day import CollectionsDay
from .collections_report import CollectionsReport
from .communication import Communication
from .communication_status import CommunicationStatus
from .comparison import Comparison
from .complaint import Complaint
from .complaint_category import ComplaintCategory
from .complaint_group_by import ComplaintGroupBy
from .complaint_policy import ComplaintPolicy
from .complaint_report import ComplaintReport
from .complaint_report_row import ComplaintReportRow
from .complaint_source import ComplaintSource
from .complaint_status import ComplaintStatus
from .complaint_summary import ComplaintSummary
from .component import Component
from .contact import Contact
from .contact_policy import ContactPolicy
from .contact_policy_regions import ContactPolicyRegions
from .contacts import Contacts
from .create_account_request import CreateAccountRequest
from .create_adjustment_request import CreateAdjustmentRequest
from .create_approval_request import CreateApprovalRequest
from .create_arrangement_request import CreateArrangementRequest
from .create_complaint_request import CreateComplaintRequest
from .create_contact_request import CreateContactRequest
from .create_debtor_request import CreateDebtorRequest
from .create_dispute_request import CreateDisputeRequest
from .create_escalation_request import CreateEscalationRequest
from .create_payment_request import CreatePaymentRequest
from .create_satisfaction_request import CreateSatisfactionRequest
from .create_user_request import CreateUserRequest
from .criteria import Criteria
from .day_amount import DayAmount
from .debtor import Debtor
from .decision import Decision
from .decision_request import DecisionRequest
from .delivery import Delivery
from .delivery_status import DeliveryStatus
from .direction import Direction
from .dispute import Dispute
from .dispute_evaluation_request import DisputeEvaluationRequest
from .dispute_outcome import DisputeOutcome
from .dispute_status import DisputeStatus
from .escalation import Escalation
from .escalation_status import EscalationStatus
from .escalation_tier import EscalationTier
from .evaluation import Evaluation
from .evaluation_dispute_outcome import EvaluationDisputeOutcome
from .evaluation_form import EvaluationForm
from .evaluation_form_request import EvaluationFormRequest
from .evaluation_request import EvaluationRequest
from .evaluation_status import EvaluationStatus
from .event import Event
from .event_data import EventData
from .event_page import EventPage
from .exception_kind import ExceptionKind
from .exception_status import ExceptionStatus
from .expected_income import ExpectedIncome
from .failed_request import FailedRequest
from .field_error import FieldError
from .forecast_report import ForecastReport
from .forecast_week import ForecastWeek
from .frequency import Frequency
from .group_by import GroupBy
from .health import Health
from .import_request import ImportRequest
from .import_response import ImportResponse
from .import_result import ImportResult
from .import_row import ImportRow
from .import_status import ImportStatus
from .installment import Installment
from .installment_request import InstallmentRequest
from .installment_status import InstallmentStatus
from .ledger_check import LedgerCheck
from .ledger_entry import LedgerEntry
from .ledger_kind import LedgerKind
from .legal_referral_request import LegalReferralRequest
from .message_channel import MessageChannel
from .next_step import NextStep
from .note_request import NoteRequest
from .outcome import Outcome
from .page_account import PageAccount
from .page_adjustment import PageAdjustment
from .page_api_key import PageApiKey
from .page_approval_list_item import PageApprovalListItem
from .page_arrangement import PageArrangement
from .page_assignment import PageAssignment
from .page_audit_event import PageAuditEvent
from .page_coaching_session import PageCoachingSession
from .page_communication import PageCommunication
from .page_complaint import PageComplaint
from .page_contact import PageContact
from .page_delivery import PageDelivery
from .page_escalation import PageEscalation
from .page_evaluation import PageEvaluation
from .page_evaluation_form import PageEvaluationForm
from .page_ledger_entry import PageLedgerEntry
from .page_payment import PagePayment
from .page_queue_item import PageQueueItem
from .page_reconciliation import PageReconciliation
from .page_reconciliation_exception import PageReconciliationException
from .page_satisfaction import PageSatisfaction
from .page_strategy import PageStrategy
from .page_task import PageTask
from .page_team import PageTeam
from .page_user import PageUser
from .page_webhook import PageWebhook
from .parts import Parts
from .payment import Payment
from .payment_method import PaymentMethod
from .performance_report import PerformanceReport
from .performance_row import PerformanceRow
from .period_kind import PeriodKind
from .problem import Problem
from .promise_request import PromiseRequest
from .promises import Promises
from .quality_group_by import QualityGroupBy
from .quality_report import QualityReport
from .quality_report_row import QualityReportRow
from .question import Question
from .queue_item import QueueItem
from .queue_reason import QueueReason
from .reason import Reason
from .reconciliation import Reconciliation
from .reconciliation_exception import ReconciliationException
from .reconciliation_request import ReconciliationRequest
from .reconciliation_summary import ReconciliationSummary
from .refresh_request import RefreshRequest
from .region_rules import RegionRules
from .reject_request import RejectRequest
from .remedy import Remedy
from .remittance_row_body import RemittanceRowBody
from .resolution import Resolution
from .resolve_dispute_request import ResolveDisputeRequest
from .resolve_evaluation_dispute_request import ResolveEvaluationDisputeRequest
from .resolve_exception_request import ResolveExceptionRequest
from .respond_request import RespondRequest
from .reverse_payment_request import ReversePaymentRequest
from .role import Role
from .roll_rate import RollRate
from .root_cause import RootCause
from .run_status import RunStatus
from .satisfaction import Satisfaction
from .satisfaction_group_by import SatisfactionGroupBy
from .satisfaction_report import SatisfactionReport
from .satisfaction_report_row import SatisfactionReportRow
from .satisfaction_summary import SatisfactionSummary
from .scale import Scale
from .scorecard import Scorecard
from .scorecard_subject import ScorecardSubject
from .segment import Segment
from .step import Step
from .step_action import StepAction
from .step_taken import StepTaken
from .stored_answer import StoredAnswer
from .strategy import Strategy
from .strategy_report import StrategyReport
from .strategy_report_row import StrategyReportRow
from .strategy_request import StrategyRequest
from .strategy_run import StrategyRun
from .strategy_run_actions import StrategyRunActions
from .strategy_status import StrategyStatus
from .stream_token import StreamToken
from .summary import Summary
from .survey_channel import SurveyChannel
from .target import Target
from .target_list import TargetList
from .target_request import TargetRequest
from .target_scope import TargetScope
from .task import Task
from .task_kind import TaskKind
from .task_status import TaskStatus
from .team import Team
from .team_figures import TeamFigures
from .team_request import TeamRequest
from .tier_limits import TierLimits
from .token_request import TokenRequest
from .token_response import TokenResponse
from .update_account_request import UpdateAccountRequest
from .update_debtor_request import UpdateDebtorRequest
from .update_user_request import UpdateUserRequest
from .user import User
from .verdict import Verdict
from .webhook import Webhook
from .webhook_request import WebhookRequest
from .webhook_update import WebhookUpdate

__all__ = (
    "Account",
    "AccountStatus",
    "AccountStrategy",
    "ActionRequest",
    "ActiveArrangement",
    "Adjustment",
    "AdjustmentReason",
    "AdjustmentStatus",
    "AgentFigures",
    "AgentShare",
    "AgentSummary",
    "AgingBucket",
    "AgingChange",
    "AgingReport",
    "AgingRow",
    "AllocationPolicy",
    "AnswerRequest",
    "ApiKey",
    "ApiKeyRequest",
    "Approval",
    "ApprovalAccount",
    "ApprovalContext",
    "ApprovalKind",
    "ApprovalListItem",
    "ApprovalPolicy",
    "ApprovalStatus",
    "Arm",
    "Arrangement",
    "ArrangementKind",
    "ArrangementStatus",
    "Assignment",
    "AssignmentList",
    "AssignRequest",
    "AuditEvent",
    "AuditVerification",
    "AutoAssignRequest",
    "AutoAssignResult",
    "BalanceAfter",
    "BulkDecisionItem",
    "BulkDecisionRequest",
    "BulkDecisionResponse",
    "BulkDecisionResult",
    "Challenger",
    "Channel",
    "CloseComplaintRequest",
    "CoachingAction",
    "CoachingActionStatus",
    "CoachingSession",
    "CoachingSessionRequest",
    "Collected",
    "CollectionsDay",
    "CollectionsReport",
    "Communication",
    "CommunicationStatus",
    "Comparison",
    "Complaint",
    "ComplaintCategory",
    "ComplaintGroupBy",
    "ComplaintPolicy",
    "ComplaintReport",
    "ComplaintReportRow",
    "ComplaintSource",
    "ComplaintStatus",
    "ComplaintSummary",
    "Component",
    "Contact",
    "ContactPolicy",
    "ContactPolicyRegions",
    "Contacts",
    "CreateAccountRequest",
    "CreateAdjustmentRequest",
    "CreateApprovalRequest",
    "CreateArrangementRequest",
    "CreateComplaintRequest",
    "CreateContactRequest",
    "CreateDebtorRequest",
    "CreateDisputeRequest",
    "CreateEscalationRequest",
    "CreatePaymentRequest",
    "CreateSatisfactionRequest",
    "CreateUserRequest",
    "Criteria",
    "DayAmount",
    "Debtor",
    "Decision",
    "DecisionRequest",
    "Delivery",
    "DeliveryStatus",
    "Direction",
    "Dispute",
    "DisputeEvaluationRequest",
    "DisputeOutcome",
    "DisputeStatus",
    "Escalation",
    "EscalationStatus",
    "EscalationTier",
    "Evaluation",
    "EvaluationDisputeOutcome",
    "EvaluationForm",
    "EvaluationFormRequest",
    "EvaluationRequest",
    "EvaluationStatus",
    "Event",
    "EventData",
    "EventPage",
    "ExceptionKind",
    "ExceptionStatus",
    "ExpectedIncome",
    "FailedRequest",
    "FieldError",
    "ForecastReport",
    "ForecastWeek",
    "Frequency",
    "GroupBy",
    "Health",
    "ImportRequest",
    "ImportResponse",
    "ImportResult",
    "ImportRow",
    "ImportStatus",
    "Installment",
    "InstallmentRequest",
    "InstallmentStatus",
    "LedgerCheck",
    "LedgerEntry",
    "LedgerKind",
    "LegalReferralRequest",
    "MessageChannel",
    "NextStep",
    "NoteRequest",
    "Outcome",
    "PageAccount",
    "PageAdjustment",
    "PageApiKey",
    "PageApprovalListItem",
    "PageArrangement",
    "PageAssignment",
    "PageAuditEvent",
    "PageCoachingSession",
    "PageCommunication",
    "PageComplaint",
    "PageContact",
    "PageDelivery",
    "PageEscalation",
    "PageEvaluation",
    "PageEvaluationForm",
    "PageLedgerEntry",
    "PagePayment",
    "PageQueueItem",
    "PageReconciliation",
    "PageReconciliationException",
    "PageSatisfaction",
    "PageStrategy",
    "PageTask",
    "PageTeam",
    "PageUser",
    "PageWebhook",
    "Parts",
    "Payment",
    "PaymentMethod",
    "PerformanceReport",
    "PerformanceRow",
    "PeriodKind",
    "Problem",
    "PromiseRequest",
    "Promises",
    "QualityGroupBy",
    "QualityReport",
    "QualityReportRow",
    "Question",
    "QueueItem",
    "QueueReason",
    "Reason",
    "Reconciliation",
    "ReconciliationException",
    "ReconciliationRequest",
    "ReconciliationSummary",
    "RefreshRequest",
    "RegionRules",
    "RejectRequest",
    "Remedy",
    "RemittanceRowBody",
    "Resolution",
    "ResolveDisputeRequest",
    "ResolveEvaluationDisputeRequest",
    "ResolveExceptionRequest",
    "RespondRequest",
    "ReversePaymentRequest",
    "Role",
    "RollRate",
    "RootCause",
    "RunStatus",
    "Satisfaction",
    "SatisfactionGroupBy",
    "SatisfactionReport",
    "SatisfactionReportRow",
    "SatisfactionSummary",
    "Scale",
    "Scorecard",
    "ScorecardSubject",
    "Segment",
    "Step",
    "StepAction",
    "StepTaken",
    "StoredAnswer",
    "Strategy",
    "StrategyReport",
    "StrategyReportRow",
    "StrategyRequest",
    "StrategyRun",
    "StrategyRunActions",
    "StrategyStatus",
    "StreamToken",
    "Summary",
    "SurveyChannel",
    "Target",
    "TargetList",
    "TargetRequest",
    "TargetScope",
    "Task",
    "TaskKind",
    "TaskStatus",
    "Team",
    "TeamFigures",
    "TeamRequest",
    "TierLimits",
    "TokenRequest",
    "TokenResponse",
    "UpdateAccountRequest",
    "UpdateDebtorRequest",
    "UpdateUserRequest",
    "User",
    "Verdict",
    "Webhook",
    "WebhookRequest",
    "WebhookUpdate",
)
