#include "catalogue.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace flowprint {
namespace {

// One line per model: a new authentik model is a one-line change here.
// Source: shared/facts-authentik-models.tsv.
constexpr std::array kModels = std::to_array<ModelInfo>({
    {"authentik_blueprints.blueprintinstance", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_blueprints.metaapplyblueprint", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_brands.brand", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_core.application", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_core.applicationentitlement", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_core.group", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_core.token", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_core.user", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_crypto.certificatekeypair", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_endpoints.deviceaccessgroup", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_endpoints.deviceuserbinding", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_endpoints.endpointstage", Release{2025, 12}, ModelKind::stage, "Endpoint Stage"},
    {"authentik_endpoints_connectors_agent.agentconnector", Release{2025, 12}, ModelKind::other,
     ""},
    {"authentik_endpoints_connectors_agent.agentdeviceuserbinding", Release{2025, 12},
     ModelKind::other, ""},
    {"authentik_endpoints_connectors_agent.enrollmenttoken", Release{2025, 12}, ModelKind::other,
     ""},
    {"authentik_enterprise.license", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_events.event", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_events.notification", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_events.notificationrule", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_events.notificationtransport", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_events.notificationwebhookmapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_flows.flow", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_flows.flowstagebinding", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_outposts.dockerserviceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_outposts.kubernetesserviceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_outposts.outpost", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_policies.policybinding", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_policies_conditional.conditionalpolicy", Release{2026, 0}, ModelKind::policy,
     "Conditional Policy"},
    {"authentik_policies_dummy.dummypolicy", Release{2024, 12}, ModelKind::policy, "Dummy Policy"},
    {"authentik_policies_event_matcher.eventmatcherpolicy", Release{2024, 12}, ModelKind::policy,
     "Event Matcher Policy"},
    {"authentik_policies_expiry.passwordexpirypolicy", Release{2024, 12}, ModelKind::policy,
     "Password Expiry Policy"},
    {"authentik_policies_expression.expressionpolicy", Release{2024, 12}, ModelKind::policy,
     "Expression Policy"},
    {"authentik_policies_geoip.geoippolicy", Release{2024, 12}, ModelKind::policy, "GeoIP Policy"},
    {"authentik_policies_password.passwordpolicy", Release{2024, 12}, ModelKind::policy,
     "Password Policy"},
    {"authentik_policies_reputation.reputationpolicy", Release{2024, 12}, ModelKind::policy,
     "Reputation Policy"},
    {"authentik_policies_unique_password.uniquepasswordpolicy", Release{2025, 12},
     ModelKind::policy, "Password Uniqueness Policy"},
    {"authentik_providers_google_workspace.googleworkspaceprovider", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_providers_google_workspace.googleworkspaceprovidermapping", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_providers_ldap.ldapprovider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_microsoft_entra.microsoftentraprovider", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_providers_microsoft_entra.microsoftentraprovidermapping", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_providers_oauth2.oauth2provider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_oauth2.scopemapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_proxy.proxyprovider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_rac.endpoint", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_rac.racpropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_rac.racprovider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_radius.radiusprovider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_radius.radiusproviderpropertymapping", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_providers_saml.samlpropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_saml.samlprovider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_scim.scimmapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_scim.scimprovider", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_providers_ssf.ssfprovider", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_rbac.initialpermissions", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_rbac.role", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_reports.dataexport", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_sources_kerberos.groupkerberossourceconnection", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_sources_kerberos.kerberossource", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_kerberos.kerberossourcepropertymapping", Release{2024, 12},
     ModelKind::other, ""},
    {"authentik_sources_kerberos.userkerberossourceconnection", Release{2024, 12}, ModelKind::other,
     ""},
    {"authentik_sources_ldap.groupldapsourceconnection", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_sources_ldap.ldapsource", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_ldap.ldapsourcepropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_ldap.userldapsourceconnection", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_sources_oauth.groupoauthsourceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_oauth.oauthsource", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_oauth.oauthsourcepropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_oauth.useroauthsourceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_plex.groupplexsourceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_plex.plexsource", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_plex.plexsourcepropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_plex.userplexsourceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_saml.groupsamlsourceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_saml.samlsource", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_saml.samlsourcepropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_saml.usersamlsourceconnection", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_scim.scimsource", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_scim.scimsourcepropertymapping", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_sources_telegram.grouptelegramsourceconnection", Release{2025, 12},
     ModelKind::other, ""},
    {"authentik_sources_telegram.telegramsource", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_sources_telegram.telegramsourcepropertymapping", Release{2025, 12},
     ModelKind::other, ""},
    {"authentik_sources_telegram.usertelegramsourceconnection", Release{2025, 12}, ModelKind::other,
     ""},
    {"authentik_stages_account_lockdown.accountlockdownstage", Release{2026, 0}, ModelKind::stage,
     "Account Lockdown Stage"},
    {"authentik_stages_authenticator_duo.authenticatorduostage", Release{2024, 12},
     ModelKind::stage, "Duo Authenticator Setup Stage"},
    {"authentik_stages_authenticator_duo.duodevice", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_authenticator_email.authenticatoremailstage", Release{2025, 12},
     ModelKind::stage, "Email Autherenticator Stage"},
    {"authentik_stages_authenticator_email.emaildevice", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_stages_authenticator_endpoint_gdtc.authenticatorendpointgdtcstage",
     Release{2024, 12}, ModelKind::stage,
     "Endpoint Authenticator Google Device Trust Connector Stage"},
    {"authentik_stages_authenticator_sms.authenticatorsmsstage", Release{2024, 12},
     ModelKind::stage, "SMS Authenticator Setup Stage"},
    {"authentik_stages_authenticator_sms.smsdevice", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_authenticator_static.authenticatorstaticstage", Release{2024, 12},
     ModelKind::stage, "Static Authenticator Setup Stage"},
    {"authentik_stages_authenticator_static.staticdevice", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_authenticator_totp.authenticatortotpstage", Release{2024, 12},
     ModelKind::stage, "TOTP Authenticator Setup Stage"},
    {"authentik_stages_authenticator_totp.totpdevice", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_authenticator_validate.authenticatorvalidatestage", Release{2024, 12},
     ModelKind::stage, "Authenticator Validation Stage"},
    {"authentik_stages_authenticator_webauthn.authenticatorwebauthnstage", Release{2024, 12},
     ModelKind::stage, "WebAuthn Authenticator Setup Stage"},
    {"authentik_stages_authenticator_webauthn.webauthndevice", Release{2024, 12}, ModelKind::other,
     ""},
    {"authentik_stages_captcha.captchastage", Release{2024, 12}, ModelKind::stage, "Captcha Stage"},
    {"authentik_stages_consent.consentstage", Release{2024, 12}, ModelKind::stage, "Consent Stage"},
    {"authentik_stages_consent.userconsent", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_deny.denystage", Release{2024, 12}, ModelKind::stage, "Deny Stage"},
    {"authentik_stages_dummy.dummystage", Release{2024, 12}, ModelKind::stage, "Dummy Stage"},
    {"authentik_stages_email.emailstage", Release{2024, 12}, ModelKind::stage, "Email Stage"},
    {"authentik_stages_identification.identificationstage", Release{2024, 12}, ModelKind::stage,
     "Identification Stage"},
    {"authentik_stages_invitation.invitation", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_invitation.invitationstage", Release{2024, 12}, ModelKind::stage,
     "Invitation Stage"},
    {"authentik_stages_mtls.mutualtlsstage", Release{2025, 12}, ModelKind::stage,
     "Mutual TLS Stage"},
    {"authentik_stages_password.passwordstage", Release{2024, 12}, ModelKind::stage,
     "Password Stage"},
    {"authentik_stages_prompt.prompt", Release{2024, 12}, ModelKind::other, ""},
    {"authentik_stages_prompt.promptstage", Release{2024, 12}, ModelKind::stage, "Prompt Stage"},
    {"authentik_stages_redirect.redirectstage", Release{2024, 12}, ModelKind::stage,
     "Redirect Stage"},
    {"authentik_stages_source.sourcestage", Release{2024, 12}, ModelKind::stage, "Source Stage"},
    {"authentik_stages_user_delete.userdeletestage", Release{2024, 12}, ModelKind::stage,
     "User Delete Stage"},
    {"authentik_stages_user_login.userloginstage", Release{2024, 12}, ModelKind::stage,
     "User Login Stage"},
    {"authentik_stages_user_logout.userlogoutstage", Release{2024, 12}, ModelKind::stage,
     "User Logout Stage"},
    {"authentik_stages_user_selection.userselectionstage", Release{2026, 0}, ModelKind::stage,
     "User Selection Stage"},
    {"authentik_stages_user_write.userwritestage", Release{2024, 12}, ModelKind::stage,
     "User Write Stage"},
    {"authentik_tasks_schedules.schedule", Release{2025, 12}, ModelKind::other, ""},
    {"authentik_tenants.domain", Release{2024, 12}, ModelKind::other, ""},
});

constexpr std::array kEnumValues = std::to_array<EnumValueInfo>({
    {"authentik_flows.flow", "designation", "user_selection", Release{2026, 0}},
});

struct FieldDefault {
    std::string_view model;
    std::string_view field;
    Value::Data (*make)();
};

template <auto V>
Value::Data constant() {
    if constexpr (std::is_same_v<decltype(V), const char*>) {
        return std::string(V);
    } else {
        return V;
    }
}

constexpr const char kNone[] = "none";
constexpr const char kAny[] = "any";
constexpr const char kMessageContinue[] = "message_continue";
constexpr const char kRetry[] = "retry";
constexpr const char kStacked[] = "stacked";

const std::array kDefaults = std::to_array<FieldDefault>({
    {"authentik_flows.flow", "authentication", constant<kNone>},
    {"authentik_flows.flow", "policy_engine_mode", constant<kAny>},
    {"authentik_flows.flow", "denied_action", constant<kMessageContinue>},
    {"authentik_flows.flow", "layout", constant<kStacked>},
    {"authentik_flows.flow", "compatibility_mode", constant<false>},
    {"authentik_flows.flowstagebinding", "evaluate_on_plan", constant<false>},
    {"authentik_flows.flowstagebinding", "re_evaluate_policies", constant<true>},
    {"authentik_flows.flowstagebinding", "policy_engine_mode", constant<kAny>},
    {"authentik_flows.flowstagebinding", "invalid_response_action", constant<kRetry>},
    {"authentik_policies.policybinding", "negate", constant<false>},
    {"authentik_policies.policybinding", "enabled", constant<true>},
    {"authentik_policies.policybinding", "timeout", constant<std::int64_t{30}>},
    {"authentik_policies.policybinding", "failure_result", constant<false>},
    {"authentik_core.group", "is_superuser", constant<false>},
    {"authentik_core.user", "is_active", constant<true>},
    {"authentik_brands.brand", "default", constant<false>},
    {"authentik_policies_dummy.dummypolicy", "result", constant<false>},
    {"authentik_policies_reputation.reputationpolicy", "threshold", constant<std::int64_t{-5}>},
});

}  // namespace

std::string to_lower(std::string_view text) {
    // ASCII only, without a locale lookup per character: model and field
    // names are ASCII, and this runs for every entry.
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string release_name(Release release) {
    if (release.minor == 0) return std::to_string(release.year);
    return std::to_string(release.year) + "." + std::to_string(release.minor);
}

std::optional<Release> parse_release(std::string_view text) {
    Release release;
    const char* end = text.data() + text.size();
    auto [after_year, e1] = std::from_chars(text.data(), end, release.year);
    if (e1 != std::errc{} || release.year < 2000) return std::nullopt;
    if (after_year == end) return release;
    if (*after_year != '.') return std::nullopt;
    auto [after_minor, e2] = std::from_chars(after_year + 1, end, release.minor);
    if (e2 != std::errc{} || after_minor != end || release.minor < 1 || release.minor > 12)
        return std::nullopt;
    return release;
}

std::span<const ModelInfo> all_models() { return kModels; }

const ModelInfo* find_model(std::string_view name) {
    const std::string lower = to_lower(name);
    for (const ModelInfo& model : kModels) {
        if (model.name == lower) return &model;
    }
    return nullptr;
}

std::span<const EnumValueInfo> versioned_enum_values() { return kEnumValues; }

std::optional<Value> field_default(std::string_view model, std::string_view field) {
    for (const FieldDefault& entry : kDefaults) {
        if (entry.model == model && entry.field == field) return Value{entry.make()};
    }
    return std::nullopt;
}

bool has_field_default(std::string_view field) {
    return std::any_of(kDefaults.begin(), kDefaults.end(),
                       [field](const FieldDefault& entry) { return entry.field == field; });
}

}  // namespace flowprint
