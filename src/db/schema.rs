//! Table definitions shared by both backends (portable types only).

diesel::table! {
    teams (id) {
        id -> BigInt,
        name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        role -> Text,
        team_id -> Nullable<BigInt>,
        password_hash -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        session_version -> BigInt,
    }
}

diesel::table! {
    audit_events (id) {
        id -> BigInt,
        entity_type -> Text,
        entity_id -> BigInt,
        seq -> BigInt,
        action -> Text,
        actor_id -> Nullable<BigInt>,
        request_id -> Nullable<Text>,
        occurred_at -> Timestamp,
        before_state -> Nullable<Text>,
        after_state -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
        account_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> BigInt,
        user_id -> BigInt,
        idem_key -> Text,
        fingerprint -> Text,
        state -> Text,
        response_status -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        created_at -> Timestamp,
        locked_at -> Timestamp,
        response_location -> Nullable<Text>,
    }
}

diesel::table! {
    sign_in_throttle (bucket) {
        bucket -> Text,
        window_start -> Timestamp,
        attempts -> BigInt,
    }
}

diesel::table! {
    service_heartbeat (id) {
        id -> BigInt,
        checked_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(users -> teams (team_id));

diesel::table! {
    debtors (id) {
        id -> BigInt,
        external_ref -> Nullable<Text>,
        name -> Text,
        phone -> Nullable<Text>,
        phone_valid -> Bool,
        email -> Nullable<Text>,
        timezone -> Text,
        region -> Nullable<Text>,
        cease_communication -> Bool,
        do_not_call -> Bool,
        do_not_email -> Bool,
        do_not_sms -> Bool,
        attorney_represented -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        additional_timezones -> Nullable<Text>,
    }
}

diesel::table! {
    accounts (id) {
        id -> BigInt,
        external_ref -> Text,
        debtor_id -> BigInt,
        currency -> Text,
        original_amount -> BigInt,
        balance -> BigInt,
        delinquent_since -> Date,
        status -> Text,
        portfolio -> Nullable<Text>,
        team_id -> Nullable<BigInt>,
        assignee_id -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        written_off_amount -> BigInt,
        recovered_amount -> BigInt,
        deceased -> Bool,
        bankruptcy -> Bool,
        principal -> BigInt,
        interest -> BigInt,
        fees -> BigInt,
        costs -> BigInt,
        open_complaints -> BigInt,
        complaint_pauses -> BigInt,
        last_contact_at -> Nullable<Timestamp>,
        follow_up_at -> Nullable<Timestamp>,
        first_contact_at -> Nullable<Timestamp>,
        follow_up_open_at -> Nullable<Timestamp>,
        queue_bound -> BigInt,
    }
}

diesel::table! {
    assignments (id) {
        id -> BigInt,
        account_id -> BigInt,
        assignee_id -> BigInt,
        assigned_by -> Nullable<BigInt>,
        started_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(accounts -> debtors (debtor_id));

diesel::table! {
    arrangements (id) {
        id -> BigInt,
        account_id -> BigInt,
        kind -> Text,
        status -> Text,
        total_amount -> BigInt,
        paid_amount -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    installments (id) {
        id -> BigInt,
        arrangement_id -> BigInt,
        seq -> Integer,
        due_on -> Date,
        amount -> BigInt,
        paid_amount -> BigInt,
        status -> Text,
    }
}

diesel::table! {
    payments (id) {
        id -> BigInt,
        account_id -> BigInt,
        amount -> BigInt,
        method -> Text,
        reference -> Nullable<Text>,
        received_on -> Date,
        recovery -> Bool,
        arrangement_id -> Nullable<BigInt>,
        recorded_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        reversed_at -> Nullable<Timestamp>,
        reversed_by -> Nullable<BigInt>,
        reversal_reason -> Nullable<Text>,
        paid_principal -> BigInt,
        paid_interest -> BigInt,
        paid_fees -> BigInt,
        paid_costs -> BigInt,
    }
}

diesel::table! {
    payment_allocations (id) {
        id -> BigInt,
        payment_id -> BigInt,
        installment_id -> BigInt,
        amount -> BigInt,
    }
}

diesel::joinable!(arrangements -> accounts (account_id));
diesel::joinable!(installments -> arrangements (arrangement_id));
diesel::joinable!(payments -> accounts (account_id));
diesel::table! {
    disputes (id) {
        id -> BigInt,
        account_id -> BigInt,
        reason -> Text,
        status -> Text,
        prior_status -> Text,
        opened_by -> Nullable<BigInt>,
        opened_at -> Timestamp,
        resolved_by -> Nullable<BigInt>,
        resolved_at -> Nullable<Timestamp>,
        resolution_note -> Nullable<Text>,
    }
}

diesel::table! {
    contacts (id) {
        id -> BigInt,
        account_id -> BigInt,
        agent_id -> Nullable<BigInt>,
        channel -> Text,
        direction -> Text,
        outcome -> Text,
        occurred_at -> Timestamp,
        duration_seconds -> Nullable<Integer>,
        notes -> Nullable<Text>,
        follow_up_at -> Nullable<Timestamp>,
        counts_as_attempt -> Bool,
        is_conversation -> Bool,
        arrangement_id -> Nullable<BigInt>,
        dispute_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        consented -> Bool,
    }
}

diesel::table! {
    ledger_entries (id) {
        id -> BigInt,
        account_id -> BigInt,
        occurred_at -> Timestamp,
        kind -> Text,
        principal -> BigInt,
        interest -> BigInt,
        fees -> BigInt,
        costs -> BigInt,
        amount -> Nullable<BigInt>,
        payment_id -> Nullable<BigInt>,
        adjustment_id -> Nullable<BigInt>,
        approval_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    allocation_policies (id) {
        id -> BigInt,
        policy -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contact_policies (id) {
        id -> BigInt,
        policy -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    approval_requests (id) {
        id -> BigInt,
        account_id -> BigInt,
        kind -> Text,
        status -> Text,
        amount -> Nullable<BigInt>,
        due_on -> Nullable<Date>,
        reason -> Text,
        arrangement_id -> Nullable<BigInt>,
        required_role -> Text,
        balance_at_request -> BigInt,
        account_version -> BigInt,
        requested_by -> Nullable<BigInt>,
        requested_at -> Timestamp,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        decision_note -> Nullable<Text>,
        decided_by_strategy -> Bool,
    }
}

diesel::table! {
    approval_policies (id) {
        id -> BigInt,
        policy -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    escalations (id) {
        id -> BigInt,
        account_id -> BigInt,
        reason -> Text,
        to_role -> Text,
        status -> Text,
        raised_by -> Nullable<BigInt>,
        raised_at -> Timestamp,
        resolved_by -> Nullable<BigInt>,
        resolved_at -> Nullable<Timestamp>,
        note -> Nullable<Text>,
    }
}

diesel::joinable!(approval_requests -> accounts (account_id));
diesel::joinable!(escalations -> accounts (account_id));
diesel::table! {
    targets (id) {
        id -> BigInt,
        scope -> Text,
        subject_id -> BigInt,
        period -> Text,
        collected_amount -> BigInt,
        set_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
        currency -> Text,
    }
}

diesel::joinable!(contacts -> accounts (account_id));
diesel::joinable!(contacts -> users (agent_id));
diesel::joinable!(disputes -> accounts (account_id));
diesel::table! {
    agent_activity (agent_id, day, prev_day, slot) {
        agent_id -> BigInt,
        day -> Date,
        prev_day -> Date,
        touches -> BigInt,
        contact_attempts -> BigInt,
        right_party_contacts -> BigInt,
        slot -> Integer,
    }
}

diesel::table! {
    adjustments (id) {
        id -> BigInt,
        account_id -> BigInt,
        component -> Text,
        amount -> BigInt,
        reason -> Text,
        note -> Text,
        status -> Text,
        approval_id -> Nullable<BigInt>,
        requested_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        applied_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(adjustments -> accounts (account_id));

diesel::table! {
    reconciliations (id) {
        id -> BigInt,
        source -> Text,
        from_on -> Date,
        to_on -> Date,
        methods -> Text,
        row_count -> BigInt,
        matched -> BigInt,
        unmatched_row -> BigInt,
        unmatched_payment -> BigInt,
        amount_mismatch -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reconciliation_exceptions (id) {
        id -> BigInt,
        reconciliation_id -> BigInt,
        kind -> Text,
        status -> Text,
        line -> Nullable<BigInt>,
        external_ref -> Nullable<Text>,
        amount -> Nullable<BigInt>,
        received_on -> Nullable<Date>,
        reference -> Nullable<Text>,
        account_id -> Nullable<BigInt>,
        payment_id -> Nullable<BigInt>,
        payment_amount -> Nullable<BigInt>,
        resolution -> Nullable<Text>,
        note -> Nullable<Text>,
        resolved_by -> Nullable<BigInt>,
        resolved_at -> Nullable<Timestamp>,
        posted_payment_id -> Nullable<BigInt>,
    }
}

diesel::joinable!(reconciliation_exceptions -> reconciliations (reconciliation_id));

diesel::table! {
    complaint_policies (id) {
        id -> BigInt,
        policy -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    complaints (id) {
        id -> BigInt,
        account_id -> BigInt,
        source -> Text,
        category -> Text,
        description -> Text,
        received_at -> Timestamp,
        due_at -> Timestamp,
        status -> Text,
        against_user_id -> Nullable<BigInt>,
        agent_id -> Nullable<BigInt>,
        team_id -> Nullable<BigInt>,
        external_ref -> Nullable<Text>,
        response -> Nullable<Text>,
        responded_at -> Nullable<Timestamp>,
        root_cause -> Nullable<Text>,
        justified -> Nullable<Bool>,
        remedy -> Nullable<Text>,
        monetary_relief -> Nullable<BigInt>,
        adjustment_id -> Nullable<BigInt>,
        closed_at -> Nullable<Timestamp>,
        closed_by -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(complaints -> accounts (account_id));

diesel::table! {
    satisfaction_responses (id) {
        id -> BigInt,
        account_id -> BigInt,
        score -> BigInt,
        channel -> Text,
        contact_id -> Nullable<BigInt>,
        comment -> Nullable<Text>,
        agent_id -> Nullable<BigInt>,
        team_id -> Nullable<BigInt>,
        answered_at -> Timestamp,
        created_by -> Nullable<BigInt>,
    }
}

diesel::joinable!(satisfaction_responses -> accounts (account_id));

diesel::table! {
    account_status_history (id) {
        id -> BigInt,
        account_id -> BigInt,
        status -> Text,
        from_at -> Timestamp,
    }
}

diesel::joinable!(account_status_history -> accounts (account_id));
diesel::joinable!(ledger_entries -> accounts (account_id));

diesel::table! {
    strategies (id) {
        id -> BigInt,
        name -> Text,
        status -> Text,
        definition -> Text,
        promoted_from -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        activated_at -> Nullable<Timestamp>,
        retired_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    strategy_runs (id) {
        id -> BigInt,
        strategy_id -> BigInt,
        status -> Text,
        run_on -> Date,
        started_by -> Nullable<BigInt>,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        accounts_evaluated -> BigInt,
        actions -> Text,
        blocked -> BigInt,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    strategy_entries (id) {
        id -> BigInt,
        strategy_id -> BigInt,
        account_id -> BigInt,
        arm -> Text,
        segment -> Text,
        entered_on -> Date,
        left_on -> Nullable<Date>,
        balance_at_entry -> BigInt,
        currency -> Text,
    }
}

diesel::table! {
    queue_rank (id) {
        id -> Integer,
        ranked_on -> Nullable<Date>,
    }
}

diesel::table! {
    strategy_steps (id) {
        id -> BigInt,
        entry_id -> BigInt,
        step_index -> Integer,
        account_id -> BigInt,
        day -> Integer,
        action -> Text,
        run_id -> BigInt,
        taken_on -> Date,
        taken_at -> Timestamp,
        discount_percent -> Nullable<BigInt>,
        expires_on -> Nullable<Date>,
    }
}

diesel::table! {
    communications (id) {
        id -> BigInt,
        account_id -> BigInt,
        step_id -> Nullable<BigInt>,
        channel -> Text,
        template -> Text,
        status -> Text,
        reasons -> Nullable<Text>,
        send_after -> Nullable<Timestamp>,
        failure_reason -> Nullable<Text>,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        closed_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    tasks (id) {
        id -> BigInt,
        account_id -> BigInt,
        step_id -> Nullable<BigInt>,
        kind -> Text,
        status -> Text,
        assignee_id -> Nullable<BigInt>,
        due_on -> Date,
        created_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
        completed_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    job_leases (name) {
        name -> Text,
        holder -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    evaluation_forms (id) {
        id -> BigInt,
        name -> Text,
        questions -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    evaluations (id) {
        id -> BigInt,
        contact_id -> BigInt,
        account_id -> BigInt,
        agent_id -> BigInt,
        team_id -> Nullable<BigInt>,
        form_id -> BigInt,
        evaluator_id -> BigInt,
        answers -> Text,
        comment -> Nullable<Text>,
        score_tenths -> BigInt,
        original_score_tenths -> Nullable<BigInt>,
        fatal_failed -> Bool,
        status -> Text,
        evaluated_at -> Timestamp,
        acknowledged_at -> Nullable<Timestamp>,
        dispute_reason -> Nullable<Text>,
        disputed_at -> Nullable<Timestamp>,
        dispute_outcome -> Nullable<Text>,
        resolved_by -> Nullable<BigInt>,
        resolved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    coaching_sessions (id) {
        id -> BigInt,
        agent_id -> BigInt,
        team_id -> Nullable<BigInt>,
        coach_id -> BigInt,
        held_on -> Date,
        topics -> Text,
        evaluation_ids -> Text,
        notes -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    coaching_actions (id) {
        id -> BigInt,
        session_id -> BigInt,
        agent_id -> BigInt,
        team_id -> Nullable<BigInt>,
        coach_id -> BigInt,
        text -> Text,
        due_on -> Date,
        status -> Text,
        completed_at -> Nullable<Timestamp>,
        completed_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(evaluations -> evaluation_forms (form_id));
diesel::joinable!(coaching_actions -> coaching_sessions (session_id));

diesel::joinable!(strategy_entries -> accounts (account_id));
diesel::joinable!(strategy_steps -> strategy_entries (entry_id));
diesel::joinable!(communications -> accounts (account_id));
diesel::joinable!(tasks -> accounts (account_id));

diesel::allow_tables_to_appear_in_same_query!(
    evaluation_forms,
    events,
    event_relay,
    stream_tokens,
    api_keys,
    webhooks,
    webhook_deliveries,
    evaluations,
    coaching_sessions,
    coaching_actions,
    strategy_runs,
    strategy_entries,
    strategy_steps,
    communications,
    tasks,
    job_leases,
    account_status_history,
    strategies,
    adjustments,
    complaint_policies,
    complaints,
    satisfaction_responses,
    reconciliations,
    reconciliation_exceptions,
    agent_activity,
    teams,
    users,
    debtors,
    accounts,
    assignments,
    arrangements,
    installments,
    payments,
    payment_allocations,
    disputes,
    contacts,
    contact_policies,
    allocation_policies,
    ledger_entries,
    approval_requests,
    approval_policies,
    escalations,
    targets,
);

diesel::table! {
    policy_version (id) {
        id -> BigInt,
        stamp -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(policy_version, users);
diesel::allow_tables_to_appear_in_same_query!(policy_version, accounts);
diesel::allow_tables_to_appear_in_same_query!(policy_version, debtors);
diesel::allow_tables_to_appear_in_same_query!(policy_version, contacts);

diesel::table! {
    events (id) {
        id -> BigInt,
        position -> Nullable<BigInt>,
        event_type -> Text,
        occurred_at -> Timestamp,
        account_id -> Nullable<BigInt>,
        actor_id -> Nullable<BigInt>,
        data -> Text,
    }
}

diesel::table! {
    event_relay (id) {
        id -> BigInt,
        position -> BigInt,
    }
}

diesel::table! {
    stream_tokens (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        expires_at -> Timestamp,
        session_expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(api_keys -> users (user_id));

diesel::table! {
    webhooks (id) {
        id -> BigInt,
        url -> Text,
        event_types -> Text,
        description -> Nullable<Text>,
        sealed_secret -> Text,
        active -> Bool,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> BigInt,
        webhook_id -> BigInt,
        event_id -> Nullable<BigInt>,
        event_type -> Text,
        account_id -> Nullable<BigInt>,
        payload -> Nullable<Text>,
        status -> Text,
        attempts -> BigInt,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_attempt_at -> Nullable<Timestamp>,
        last_status_code -> Nullable<BigInt>,
        last_duration_ms -> Nullable<BigInt>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));

// The reports group money by day and currency (an account's), never across currencies.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    accounts::currency,
    installments::due_on,
    approval_requests::due_on,
    payments::received_on,
    payments::recovery,
);

// The performance report groups promises and payments by whom and by the account's currency.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    accounts::currency,
    arrangements::created_by,
    payments::recorded_by,
);
