/**
 * Who acts at a kiosk is proven, not claimed. {@link fr.vigie.hub.agent.ProvenAgents} gives admission
 * desks (declared by IT in {@link fr.vigie.hub.device.DeviceRoles}) one-time nonces, checks an agent's CPS
 * card signature over one with the card certificate validated against IGC-Santé on the hub, or accepts a
 * Pro Santé Connect sign-in bound to the kiosk session, and binds that agent to the kiosk session in
 * PostgreSQL ({@link fr.vigie.hub.agent.AgentBinding}) until the kiosk ends it (lock, close) or it
 * expires. {@link fr.vigie.hub.agent.AgentDeviceRoutes} serves the device routes of
 * {@link fr.vigie.protocol.device.AgentApi}; admission routes take their agent from
 * {@link fr.vigie.hub.agent.ProvenAgents#require}. Proofs, bindings and unbindings are in the audit log.
 */
package fr.vigie.hub.agent;
